package io.gatehouse.server.protobuf;

import io.gatehouse.server.protobuf.FieldType.Builtin;
import io.gatehouse.server.protobuf.WireReader.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a message into the map Go's JSON encoder would produce for the Go value upstream
 * decodes the same bytes into: fields in declaration order, with each field's omission rule
 * ({@link Field.Presence}), struct values always present, map keys sorted. Repeated occurrences
 * of a message field merge, of a scalar the last wins, as in upstream's decoder. Unknown field
 * numbers are skipped. Stateless apart from the schema; thread-safe.
 */
final class MessageDecoder {

  private final Schema schema;

  MessageDecoder(Schema schema) {
    this.schema = schema;
  }

  /** Decodes {@code span} as {@code type}. @throws ProtoError for malformed bytes */
  Map<String, @Nullable Object> decode(MessageType type, Span span) {
    Map<Integer, List<Object>> seen = scan(type, span);
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (Field f : type.fields()) {
      List<Object> values = seen.getOrDefault(f.number(), List.of());
      switch (f.cardinality()) {
        case SINGLE -> single(f, values, out);
        case REPEATED -> collection(f, repeated(f, values), out);
        case MAP -> collection(f, map(f, values), out);
      }
    }
    return out;
  }

  /** Reads every known field's occurrences: {@code Long} for varints, {@link Span} otherwise. */
  private static Map<Integer, List<Object>> scan(MessageType type, Span span) {
    Map<Integer, List<Object>> seen = new LinkedHashMap<>();
    WireReader r = new WireReader(span, type.goName());
    while (r.more()) {
      int keyStart = r.position();
      long key = r.key();
      Field f = type.field(WireReader.number(key));
      if (f == null) {
        r.skip(keyStart);
        continue;
      }
      int wire = WireReader.wireType(key);
      boolean varint = f.cardinality() != Field.Cardinality.MAP
          && f.type() instanceof Builtin b && b.varint();
      List<Object> values = seen.computeIfAbsent(f.number(), n -> new ArrayList<>());
      if (varint && wire == 0) {
        values.add(r.varint());
      } else if (varint && wire == 2 && f.cardinality() == Field.Cardinality.REPEATED) {
        WireReader packed = new WireReader(r.lengthDelimited(), type.goName());
        while (packed.more()) {
          values.add(packed.varint());
        }
      } else if (!varint && wire == 2) {
        values.add(r.lengthDelimited());
      } else {
        throw r.wrongWireType(wire, f.goName());
      }
    }
    return seen;
  }

  private void single(Field f, List<Object> values, Map<String, @Nullable Object> out) {
    boolean present = !values.isEmpty();
    if (f.inline()) {
      out.putAll(message(f, values));
      return;
    }
    switch (f.presence()) {
      case POINTER -> {
        if (present) {
          out.put(f.jsonName(), value(f, values));
        }
      }
      case POINTER_OR_NULL -> out.put(f.jsonName(), present ? value(f, values) : null);
      case ALWAYS -> out.put(f.jsonName(), value(f, values));
      case OMIT_EMPTY -> {
        Object v = value(f, values);
        if (!(f.type() instanceof Builtin b) || !scalar(b) || !isZero(v)) {
          out.put(f.jsonName(), v);
        }
      }
    }
  }

  private static void collection(Field f, Object collection, Map<String, @Nullable Object> out) {
    boolean empty = collection instanceof List<?> l ? l.isEmpty() : ((Map<?, ?>) collection).isEmpty();
    if (!empty) {
      out.put(f.jsonName(), collection);
    } else if (f.presence() != Field.Presence.OMIT_EMPTY) {
      out.put(f.jsonName(), null);
    }
  }

  /** The value of a single field from its occurrences (possibly none: the Go zero value). */
  private @Nullable Object value(Field f, List<Object> values) {
    return switch (f.type()) {
      case FieldType.Message m -> message(f, values);
      case Builtin b when b.varint() -> varint(b, values.isEmpty() ? 0L : (Long) last(values));
      case Builtin b -> builtin(b, values.isEmpty() ? null : (Span) last(values));
    };
  }

  private Map<String, @Nullable Object> message(Field f, List<Object> values) {
    MessageType type = schema.message(((FieldType.Message) f.type()).qualifiedName());
    return decode(type, concat(values));
  }

  private List<@Nullable Object> repeated(Field f, List<Object> values) {
    List<@Nullable Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(element(f.type(), v));
    }
    return out;
  }

  private @Nullable Object element(FieldType type, Object occurrence) {
    return switch (type) {
      case FieldType.Message m -> decode(schema.message(m.qualifiedName()), (Span) occurrence);
      case Builtin b when b.varint() -> varint(b, (Long) occurrence);
      case Builtin b -> builtin(b, (Span) occurrence);
    };
  }

  /** A {@code map<string, V>}: entries are messages with key 1 and value 2; keys sorted. */
  private Map<String, @Nullable Object> map(Field f, List<Object> entries) {
    Map<String, @Nullable Object> byKey = new java.util.TreeMap<>(MessageDecoder::compareUtf8);
    for (Object entry : entries) {
      WireReader r = new WireReader((Span) entry, "");
      String key = "";
      Object value = null;
      while (r.more()) {
        int keyStart = r.position();
        long tag = r.key();
        int number = WireReader.number(tag);
        int wire = WireReader.wireType(tag);
        boolean varintValue = f.type() instanceof Builtin b && b.varint();
        if (number == 1 && wire == 2) {
          key = string(r.lengthDelimited());
        } else if (number == 2 && (varintValue ? wire == 0 : wire == 2)) {
          value = varintValue ? (Object) r.varint() : r.lengthDelimited();
        } else {
          r.skip(keyStart);
        }
      }
      byKey.put(key, value == null ? zero(f.type()) : element(f.type(), value));
    }
    return new LinkedHashMap<>(byKey);
  }

  private @Nullable Object zero(FieldType type) {
    return switch (type) {
      case FieldType.Message m -> decode(schema.message(m.qualifiedName()), empty());
      case Builtin b when b.varint() -> varint(b, 0L);
      case Builtin b when b == Builtin.STRING || b == Builtin.BYTES -> "";
      case Builtin b -> builtin(b, null);
    };
  }

  private static Object varint(Builtin b, long v) {
    return switch (b) {
      case BOOL -> v != 0;
      case INT32 -> (long) (int) v;
      default -> v;
    };
  }

  /** A length-delimited builtin; {@code span} null when the field was not sent. */
  private static @Nullable Object builtin(Builtin b, @Nullable Span span) {
    return switch (b) {
      case STRING -> span == null ? "" : string(span);
      case BYTES -> span == null ? null : java.util.Base64.getEncoder().encodeToString(
          java.util.Arrays.copyOfRange(span.data(), span.start(), span.end()));
      case QUANTITY -> span == null ? "0" : Wrappers.quantity(span);
      case INT_OR_STRING -> span == null ? 0L : Wrappers.intOrString(span);
      case TIME -> span == null ? null : Wrappers.time(span, false);
      case MICRO_TIME -> span == null ? null : Wrappers.time(span, true);
      case FIELDS_V1 -> span == null ? null : Wrappers.fieldsV1(span);
      case STRINGS -> span == null ? null : Wrappers.strings(span);
      case BOOL, INT32, INT64 -> throw new IllegalStateException("varint " + b);
    };
  }

  private static boolean scalar(Builtin b) {
    return b == Builtin.STRING || b == Builtin.BYTES || b.varint();
  }

  private static boolean isZero(@Nullable Object v) {
    return v == null || v.equals("") || v.equals(0L) || v.equals(false);
  }

  static String string(Span span) {
    return new String(span.data(), span.start(), span.length(),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Object last(List<Object> values) {
    return values.get(values.size() - 1);
  }

  private static Span concat(List<Object> spans) {
    if (spans.isEmpty()) {
      return empty();
    }
    if (spans.size() == 1) {
      return (Span) spans.get(0);
    }
    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
    for (Object o : spans) {
      Span s = (Span) o;
      joined.write(s.data(), s.start(), s.length());
    }
    byte[] bytes = joined.toByteArray();
    return new Span(bytes, 0, bytes.length);
  }

  private static Span empty() {
    return new Span(new byte[0], 0, 0);
  }

  /** Go's {@code encoding/json} sorts map keys by bytes; UTF-8 byte order is code point order. */
  private static int compareUtf8(String a, String b) {
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}

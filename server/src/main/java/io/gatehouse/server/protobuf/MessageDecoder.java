package io.gatehouse.server.protobuf;

import io.gatehouse.server.protobuf.FieldType.Builtin;
import io.gatehouse.server.protobuf.WireReader.Span;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a message into the map Go's JSON encoder would produce for the Go value upstream
 * decodes the same bytes into: fields in declaration order, with each field's omission rule
 * ({@link Field.Presence}), struct values always present, map keys sorted. Repeated occurrences
 * of a message field merge, of a scalar the last wins, as in upstream's decoder. Unknown field
 * numbers are skipped. Nested values are decoded as they are met, so that of several defects the
 * first in the byte stream is the one reported, as upstream's single-pass decoder reports it.
 * Stateless apart from the schema; thread-safe.
 */
final class MessageDecoder {

  private final Schema schema;

  MessageDecoder(Schema schema) {
    this.schema = schema;
  }

  /**
   * One occurrence of a field: its decoded value and, for length-delimited fields, its bytes
   * (needed to merge repeated occurrences of a message).
   */
  private record Occurrence(@Nullable Object value, @Nullable Span raw) {}

  /** Decodes {@code span} as {@code type}. @throws ProtoError for malformed bytes */
  Map<String, @Nullable Object> decode(MessageType type, Span span) {
    Map<Integer, List<Occurrence>> seen = scan(type, span);
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (Field f : type.fields()) {
      List<Occurrence> values = seen.getOrDefault(f.number(), List.of());
      switch (f.cardinality()) {
        case SINGLE -> single(f, values, out);
        case REPEATED -> collection(f, new ArrayList<>(values.stream().map(Occurrence::value).toList()),
            out);
        case MAP -> collection(f, map(values), out);
      }
    }
    return out;
  }

  /** Reads every known field's occurrences in stream order, decoding each as it is met. */
  private Map<Integer, List<Occurrence>> scan(MessageType type, Span span) {
    Map<Integer, List<Occurrence>> seen = new LinkedHashMap<>();
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
      List<Occurrence> values = seen.computeIfAbsent(f.number(), n -> new ArrayList<>());
      if (varint && wire == 0) {
        values.add(new Occurrence(varint((Builtin) f.type(), r.varint()), null));
      } else if (varint && wire == 2 && f.cardinality() == Field.Cardinality.REPEATED) {
        WireReader packed = new WireReader(r.lengthDelimited(), type.goName());
        while (packed.more()) {
          values.add(new Occurrence(varint((Builtin) f.type(), packed.varint()), null));
        }
      } else if (!varint && wire == 2) {
        Span raw = r.lengthDelimited();
        Object value = f.cardinality() == Field.Cardinality.MAP
            ? entry(f, raw) : element(f.type(), raw);
        values.add(new Occurrence(value, raw));
      } else {
        throw r.wrongWireType(wire, f.goName());
      }
    }
    return seen;
  }

  private void single(Field f, List<Occurrence> values, Map<String, @Nullable Object> out) {
    boolean present = !values.isEmpty();
    if (f.inline()) {
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> inlined = (Map<String, @Nullable Object>) value(f, values);
      out.putAll(inlined);
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

  /**
   * The value of a single field from its occurrences (possibly none: the Go zero value). Several
   * occurrences of a message, or of IntOrString (a generated message too), merge as upstream's
   * repeated {@code Unmarshal} calls into one struct do; of the other types the last one wins.
   */
  private @Nullable Object value(Field f, List<Occurrence> values) {
    if (values.isEmpty()) {
      return zero(f.type());
    }
    boolean merges = f.type() instanceof FieldType.Message || f.type() == Builtin.INT_OR_STRING;
    if (values.size() > 1 && merges) {
      return element(f.type(), concat(values));
    }
    return values.get(values.size() - 1).value();
  }

  /** Decodes one length-delimited occurrence of a value of {@code type}. */
  private @Nullable Object element(FieldType type, Span span) {
    return switch (type) {
      case FieldType.Message m -> decode(schema.message(m.qualifiedName()), span);
      case Builtin b -> builtin(b, span);
    };
  }

  /**
   * One entry of a {@code map<string, V>}: key 1, value 2, read as upstream's generated map code
   * reads them (both length-delimited whatever the wire type says; other fields skipped).
   */
  private Map.Entry<String, @Nullable Object> entry(Field f, Span span) {
    WireReader r = new WireReader(span, "");
    String key = "";
    Object value = zero(f.type());
    while (r.more()) {
      int keyStart = r.position();
      int number = WireReader.number(r.varint());
      if (number == 1) {
        key = string(r.lengthDelimited());
      } else if (number == 2) {
        value = element(f.type(), r.lengthDelimited());
      } else {
        r.skip(keyStart);
      }
    }
    return new java.util.AbstractMap.SimpleEntry<>(key, value);
  }

  /** The entries of a map field, the last occurrence of a key winning, keys sorted. */
  private static Map<String, @Nullable Object> map(List<Occurrence> entries) {
    Map<String, @Nullable Object> byKey = new TreeMap<>(MessageDecoder::compareUtf8);
    for (Occurrence o : entries) {
      @SuppressWarnings("unchecked")
      Map.Entry<String, @Nullable Object> e = (Map.Entry<String, @Nullable Object>) o.value();
      byKey.put(e.getKey(), e.getValue());
    }
    return new LinkedHashMap<>(byKey);
  }

  /** The JSON form of the Go zero value of {@code type}. */
  private @Nullable Object zero(FieldType type) {
    return switch (type) {
      case FieldType.Message m -> decode(schema.message(m.qualifiedName()), empty());
      case Builtin b -> switch (b) {
        case BOOL -> false;
        case INT32, INT64 -> 0L;
        case STRING -> "";
        case BYTES, TIME, MICRO_TIME, FIELDS_V1 -> null;
        case QUANTITY -> "0";
        case INT_OR_STRING -> 0L;
        case STRINGS -> new ArrayList<String>();
      };
    };
  }

  private static Object varint(Builtin b, long v) {
    return switch (b) {
      case BOOL -> v != 0;
      case INT32 -> (long) (int) v;
      default -> v;
    };
  }

  /** A length-delimited builtin. */
  private static @Nullable Object builtin(Builtin b, Span span) {
    return switch (b) {
      case STRING -> string(span);
      case BYTES -> Base64.getEncoder().encodeToString(
          Arrays.copyOfRange(span.data(), span.start(), span.end()));
      case QUANTITY -> Wrappers.quantity(span);
      case INT_OR_STRING -> Wrappers.intOrString(span);
      case TIME -> Wrappers.time(span, false);
      case MICRO_TIME -> Wrappers.time(span, true);
      case FIELDS_V1 -> Wrappers.fieldsV1(span);
      case STRINGS -> Wrappers.strings(span);
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
    return new String(span.data(), span.start(), span.length(), StandardCharsets.UTF_8);
  }

  private static Span concat(List<Occurrence> occurrences) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (Occurrence o : occurrences) {
      Span s = o.raw();
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
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}

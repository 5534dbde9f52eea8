package io.gatehouse.server.protobuf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatehouse.api.resource.Quantity;
import io.gatehouse.api.resource.QuantityFormatException;
import io.gatehouse.server.protobuf.WireReader.Span;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The apimachinery types whose protobuf message differs from their JSON form: {@code
 * resource.Quantity}, {@code intstr.IntOrString}, {@code metav1.Time}/{@code MicroTime}, {@code
 * metav1.FieldsV1} and string lists such as {@code ExtraValue}. Stateless; thread-safe.
 */
final class Wrappers {

  /** Go's zero {@code time.Time} as Unix seconds (0001-01-01T00:00:00Z). */
  private static final long ZERO_TIME_SECONDS = -62135596800L;
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  private Wrappers() {}

  /**
   * {@code message Quantity { optional string string = 1; }}, parsed and printed canonically. As
   * upstream's hand-written {@code Quantity.Unmarshal}, every occurrence of the string is parsed
   * (the last one wins) and a message without it is the zero quantity.
   */
  static String quantity(Span span) {
    String canonical = "0";
    WireReader r = new WireReader(span, "Quantity");
    while (r.more()) {
      int keyStart = r.position();
      long key = r.key();
      if (WireReader.number(key) != 1) {
        r.skip(keyStart);
        continue;
      }
      if (WireReader.wireType(key) != 2) {
        throw r.wrongWireType(WireReader.wireType(key), "String_");
      }
      String text = MessageDecoder.string(r.lengthDelimited());
      try {
        canonical = Quantity.parse(text).toString();
      } catch (QuantityFormatException | ArithmeticException e) {
        throw new ProtoError(e.getMessage());
      }
    }
    return canonical;
  }

  /** {@code IntOrString {type = 1; intVal = 2; strVal = 3}}: a number, or a string for type 1. */
  static Object intOrString(Span span) {
    long type = 0;
    long intVal = 0;
    String strVal = "";
    WireReader r = new WireReader(span, "IntOrString");
    while (r.more()) {
      int keyStart = r.position();
      long key = r.key();
      int wire = WireReader.wireType(key);
      switch (WireReader.number(key)) {
        case 1 -> type = varint(r, wire, "Type");
        case 2 -> intVal = (int) varint(r, wire, "IntVal");
        case 3 -> {
          if (wire != 2) {
            throw r.wrongWireType(wire, "StrVal");
          }
          strVal = MessageDecoder.string(r.lengthDelimited());
        }
        default -> r.skip(keyStart);
      }
    }
    if (type != 0 && type != 1) {
      // upstream decodes such a value but cannot encode it again ("impossible IntOrString.Type")
      throw new ProtoError("impossible IntOrString.Type");
    }
    return type == 1 ? strVal : (Object) intVal;
  }

  /**
   * {@code Timestamp {seconds = 1; nanos = 2}} as upstream's Time and MicroTime: no bytes is the
   * zero time ({@code null} in JSON); otherwise RFC 3339 in UTC, with microseconds for MicroTime.
   * Time keeps whole seconds only (upstream's {@code Time.Unmarshal} drops the nanoseconds), so a
   * Time of zero seconds is the zero time whatever its nanoseconds.
   */
  static @Nullable String time(Span span, boolean micro) {
    if (span.length() == 0) {
      return null;
    }
    long seconds = 0;
    long nanos = 0;
    WireReader r = new WireReader(span, "Timestamp");
    while (r.more()) {
      int keyStart = r.position();
      long key = r.key();
      int wire = WireReader.wireType(key);
      switch (WireReader.number(key)) {
        case 1 -> seconds = varint(r, wire, "Seconds");
        case 2 -> nanos = (int) varint(r, wire, "Nanos");
        default -> r.skip(keyStart);
      }
    }
    Instant t;
    try {
      t = Instant.ofEpochSecond(seconds, micro ? nanos : 0);
    } catch (DateTimeException e) {
      throw new ProtoError("proto: Timestamp: seconds out of range");
    }
    if (t.getEpochSecond() == ZERO_TIME_SECONDS && t.getNano() == 0) {
      return null;
    }
    return rfc3339(t, micro);
  }

  /** Go's {@code time.RFC3339} (or the micro variant) of {@code t} in UTC. */
  private static String rfc3339(Instant t, boolean micro) {
    LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    int year = d.getYear();
    StringBuilder sb = new StringBuilder();
    if (year < 0) {
      sb.append('-');
    }
    sb.append(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", Math.abs(year),
        d.getMonthValue(), d.getDayOfMonth(), d.getHour(), d.getMinute(), d.getSecond()));
    if (micro) {
      sb.append(String.format(Locale.ROOT, ".%06d", d.getNano() / 1000));
    }
    return sb.append('Z').toString();
  }

  /** {@code FieldsV1 { optional bytes Raw = 1; }}: the raw bytes are a JSON value. */
  static @Nullable Object fieldsV1(Span span) {
    byte[] raw = null;
    WireReader r = new WireReader(span, "FieldsV1");
    while (r.more()) {
      int keyStart = r.position();
      long key = r.key();
      if (WireReader.number(key) != 1) {
        r.skip(keyStart);
        continue;
      }
      if (WireReader.wireType(key) != 2) {
        throw r.wrongWireType(WireReader.wireType(key), "Raw");
      }
      Span s = r.lengthDelimited();
      raw = java.util.Arrays.copyOfRange(s.data(), s.start(), s.end());
    }
    if (raw == null) {
      return null;
    }
    try {
      return JSON.readValue(raw, Object.class);
    } catch (JsonProcessingException e) {
      throw new ProtoError("json: error calling MarshalJSON for type *v1.FieldsV1: "
          + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new ProtoError(e.getMessage());
    }
  }

  /** A message of {@code repeated string items = 1} (ExtraValue): the strings. */
  static List<String> strings(Span span) {
    List<String> items = new ArrayList<>();
    WireReader r = new WireReader(span, "ExtraValue");
    while (r.more()) {
      int keyStart = r.position();
      long key = r.key();
      if (WireReader.number(key) != 1) {
        r.skip(keyStart);
        continue;
      }
      if (WireReader.wireType(key) != 2) {
        throw r.wrongWireType(WireReader.wireType(key), "Items");
      }
      items.add(MessageDecoder.string(r.lengthDelimited()));
    }
    return items;
  }

  private static long varint(WireReader r, int wire, String goField) {
    if (wire != 0) {
      throw r.wrongWireType(wire, goField);
    }
    return r.varint();
  }
}

package io.gatehouse.cel.library;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.types.TypeType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How cel-go names and prints runtime values that cel-java represents as Java objects: CEL type
 * names ({@code int}, {@code google.protobuf.Duration}, {@code optional_type}), the {@code string()}
 * conversions of timestamps and durations, and Go's {@code %v} of scalars.
 *
 * <p>Stateless; thread-safe.
 */
final class GoValueText {

  private GoValueText() {}

  /** cel-go's {@code TypeName()} of the value's runtime type. */
  static String typeName(Object value) {
    return switch (value) {
      case Long l -> "int";
      case UnsignedLong u -> "uint";
      case Double d -> "double";
      case Boolean b -> "bool";
      case String s -> "string";
      case CelByteString b -> "bytes";
      case NullValue n -> "null_type";
      case Instant i -> "google.protobuf.Timestamp";
      case com.google.protobuf.Timestamp t -> "google.protobuf.Timestamp";
      case Duration d -> "google.protobuf.Duration";
      case com.google.protobuf.Duration d -> "google.protobuf.Duration";
      case List<?> l -> "list";
      case Map<?, ?> m -> "map";
      case CelType t -> "type";
      case Optional<?> o -> "optional_type";
      case com.google.protobuf.Message m -> m.getDescriptorForType().getFullName();
      default -> value.getClass().getName();
    };
  }

  /** Go's {@code %v} of a scalar CEL value. */
  static String plain(Object value) {
    return switch (value) {
      case Double d -> GoFloat.formatG(d);
      case NullValue n -> "NULL_VALUE";
      case CelByteString b -> b.toString();
      default -> String.valueOf(value);
    };
  }

  /** The name a CEL type value converts to with {@code string(type(x))}. */
  static String typeValueName(CelType type) {
    if (type instanceof TypeType t && !t.parameters().isEmpty()) {
      return t.parameters().get(0).name();
    }
    return type.name();
  }

  /** cel-go's timestamp-to-string conversion (RFC 3339 with trimmed nanoseconds, in UTC). */
  static String timestamp(Object value) {
    Instant instant =
        value instanceof com.google.protobuf.Timestamp t
            ? Instant.ofEpochSecond(t.getSeconds(), t.getNanos())
            : (Instant) value;
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
            .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
        + "Z";
  }

  /**
   * cel-go's duration-to-string conversion: the seconds as Go's shortest {@code 'f'} float, then
   * {@code s}.
   */
  static String duration(Object value) {
    long seconds;
    int nanos;
    if (value instanceof com.google.protobuf.Duration d) {
      seconds = d.getSeconds();
      nanos = d.getNanos();
    } else {
      Duration d = (Duration) value;
      seconds = d.getSeconds();
      nanos = d.getNano();
      if (seconds < 0 && nanos > 0) {
        seconds++;
        nanos -= 1_000_000_000;
      }
    }
    return GoFloat.formatShortestFixed((double) seconds + (double) nanos / 1e9) + "s";
  }
}

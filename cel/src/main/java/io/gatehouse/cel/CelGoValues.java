package io.gatehouse.cel;

import com.google.common.primitives.UnsignedLong;
import com.google.protobuf.ByteString;
import dev.cel.common.types.CelType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.CelValue;
import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How cel-go names and prints runtime values inside error texts: the runtime type name of
 * {@code ref.Val.Type().TypeName()} and Go's {@code %v} verb.
 *
 * <p>Stateless; thread-safe.
 */
final class CelGoValues {

  private CelGoValues() {}

  /** Returns cel-go's runtime type name of {@code value} ({@code int}, {@code list}, …). */
  static String typeName(Object value) {
    return switch (value) {
      case Long l -> "int";
      case UnsignedLong u -> "uint";
      case Double d -> "double";
      case String s -> "string";
      case Boolean b -> "bool";
      case CelByteString b -> "bytes";
      case ByteString b -> "bytes";
      case NullValue n -> "null_type";
      case List<?> l -> "list";
      case Map<?, ?> m -> "map";
      case Instant i -> "google.protobuf.Timestamp";
      case com.google.protobuf.Timestamp t -> "google.protobuf.Timestamp";
      case Duration d -> "google.protobuf.Duration";
      case com.google.protobuf.Duration d -> "google.protobuf.Duration";
      case Optional<?> o -> "optional_type";
      case CelType t -> "type";
      case CelValue v -> v.celType().name();
      default -> value.getClass().getSimpleName();
    };
  }

  /** Formats {@code value} as Go's {@code fmt.Sprintf("%v", v)} prints the cel-go value. */
  static String format(Object value) {
    return switch (value) {
      case Double d -> formatDouble(d);
      case UnsignedLong u -> u.toString();
      case CelByteString b -> formatBytes(b.toByteArray());
      case ByteString b -> formatBytes(b.toByteArray());
      case NullValue n -> "NULL_VALUE";
      default -> String.valueOf(value);
    };
  }

  /**
   * Go's {@code %v} of a float64: the shortest representation, in exponent form ({@code 1e+21},
   * {@code 1e-05}) when the decimal exponent is below -4 or at least 21.
   */
  static String formatDouble(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = shortest.precision() - shortest.scale() - 1;
    if (exponent < -4 || exponent >= 21) {
      String digits = shortest.unscaledValue().abs().toString();
      StringBuilder out = new StringBuilder();
      if (d < 0) {
        out.append('-');
      }
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) {
        out.append('0');
      }
      return out.append(abs).toString();
    }
    return shortest.toPlainString();
  }

  private static String formatBytes(byte[] bytes) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(bytes[i] & 0xff);
    }
    return out.append(']').toString();
  }
}

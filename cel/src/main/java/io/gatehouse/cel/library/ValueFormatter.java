package io.gatehouse.cel.library;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.values.CelByteString;
import io.gatehouse.cel.library.FormatParser.Verb;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Evaluates cel-go's format clauses against the runtime argument list (cel-go's {@code
 * stringFormatter} with the {@code en-US} locale). Not thread-safe: one instance per call.
 */
final class ValueFormatter implements FormatParser.Target {

  private static final int DEFAULT_PRECISION = 6;

  private final List<?> args;
  private Object current = "";

  ValueFormatter(List<?> args) {
    this.args = args;
  }

  /** Formats {@code template} with {@code args}; throws {@link FormatException} on failure. */
  static String format(String template, List<?> args) {
    return FormatParser.format(template, new ValueFormatter(args));
  }

  @Override
  public void argument(int index) {
    if (index >= args.size()) {
      throw new FormatException("index " + index + " out of range");
    }
    current = args.get(index);
  }

  @Override
  public int size() {
    return args.size();
  }

  @Override
  public String format(Verb verb, long precision) {
    Object arg = current;
    return switch (verb) {
      case STRING -> ValueText.string(arg);
      case DECIMAL -> ValueText.decimal(arg);
      case FIXED -> floating(arg, precision, false);
      case SCIENTIFIC -> floating(arg, precision, true);
      case BINARY -> binary(arg);
      case HEX -> hex(arg);
      case HEX_UPPER -> hex(arg).toUpperCase(java.util.Locale.ROOT);
      case OCTAL -> octal(arg);
    };
  }

  private static String floating(Object arg, long precision, boolean scientific) {
    double value;
    if (arg instanceof Double d) {
      value = d;
    } else if (arg instanceof String s
        && (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity"))) {
      value = Double.parseDouble(s);
    } else {
      String clause = scientific ? "scientific" : "fixed-point";
      throw new FormatException(clause + " clause can only be used on doubles, was given "
          + GoValueText.typeName(arg));
    }
    long p = precision < 0 ? DEFAULT_PRECISION : precision;
    if (!PrintfPrecision.isParsable(p)) {
      return PrintfPrecision.unparsable(value);
    }
    return scientific
        ? LocalizedFloat.scientific(value, (int) p)
        : LocalizedFloat.fixed(value, (int) p);
  }

  private static String binary(Object arg) {
    return switch (arg) {
      case Long l -> Long.toString(l, 2);
      case UnsignedLong u -> u.toString(2);
      case Boolean b -> b ? "1" : "0";
      default -> throw new FormatException(
          "only integers and bools can be formatted as binary, was given "
              + GoValueText.typeName(arg));
    };
  }

  private static String hex(Object arg) {
    return switch (arg) {
      case String s -> HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
      case CelByteString b -> HexFormat.of().formatHex(b.toByteArray());
      case Long l -> Long.toString(l, 16);
      case UnsignedLong u -> u.toString(16);
      default -> throw new FormatException(
          "only integers, byte buffers, and strings can be formatted as hex, was given "
              + GoValueText.typeName(arg));
    };
  }

  private static String octal(Object arg) {
    return switch (arg) {
      case Long l -> Long.toString(l, 8);
      case UnsignedLong u -> u.toString(8);
      default -> throw new FormatException(
          "octal clause can only be used on integers, was given " + GoValueText.typeName(arg));
    };
  }
}

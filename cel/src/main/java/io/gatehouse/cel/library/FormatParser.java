package io.gatehouse.cel.library;

import io.gatehouse.api.GoQuote;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Walks a cel-go {@code format} template: {@code %%} escapes, {@code %[.precision]verb} clauses
 * over consecutive arguments, cel-go's error texts. The template is read as UTF-8 bytes like
 * cel-go's byte loop, so a clause letter outside ASCII is reported as its first byte.
 *
 * <p>Shared by evaluation ({@link ValueFormatter}) and compile-time checking ({@link
 * FormatCallValidator}) through {@link Target}. Stateless; thread-safe.
 */
final class FormatParser {

  /** The clause letters cel-go accepts. */
  enum Verb {
    STRING,
    DECIMAL,
    FIXED,
    SCIENTIFIC,
    BINARY,
    HEX,
    HEX_UPPER,
    OCTAL
  }

  /** Supplies and renders arguments; failures are {@link FormatException}s. */
  interface Target {
    /** Selects argument {@code index} for the next clause; may fail as out of range. */
    void argument(int index);

    /** Returns the number of arguments supplied. */
    int size();

    /** Renders the selected argument; {@code precision} is -1 when the clause has none. */
    String format(Verb verb, long precision);
  }

  private FormatParser() {}

  static String format(String template, Target target) {
    byte[] in = template.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
    int argIndex = 0;
    int i = 0;
    while (i < in.length) {
      if (in[i] != '%') {
        out.write(in[i++]);
        continue;
      }
      if (i + 1 < in.length && in[i + 1] == '%') {
        out.write('%');
        i += 2;
        continue;
      }
      target.argument(argIndex);
      if (i + 1 >= in.length) {
        throw new FormatException("unexpected end of string");
      }
      if (argIndex >= target.size()) {
        throw new FormatException("index " + argIndex + " out of range");
      }
      i = clause(in, i + 1, target, out);
      argIndex++;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Parses and renders the clause starting at {@code at} (after '%'); returns the next index. */
  private static int clause(byte[] in, int at, Target target, ByteArrayOutputStream out) {
    long precision = -1;
    int i = at;
    if (in[i] == '.') {
      i++;
      int digitsStart = i;
      while (true) {
        if (i >= in.length) {
          throw parseError("error while parsing precision: could not find end of precision"
              + " specifier");
        }
        if (in[i] < '0' || in[i] > '9') {
          break;
        }
        i++;
      }
      precision = atoi(new String(in, digitsStart, i - digitsStart, StandardCharsets.US_ASCII));
    }
    int letter = in[i] & 0xFF;
    Verb verb =
        switch (letter) {
          case 's' -> Verb.STRING;
          case 'd' -> Verb.DECIMAL;
          case 'f' -> Verb.FIXED;
          case 'e' -> Verb.SCIENTIFIC;
          case 'b' -> Verb.BINARY;
          case 'x' -> Verb.HEX;
          case 'X' -> Verb.HEX_UPPER;
          case 'o' -> Verb.OCTAL;
          default ->
              throw parseError("unrecognized formatting clause \"" + (char) letter + "\"");
        };
    String text;
    try {
      text = target.format(verb, precision);
    } catch (FormatException e) {
      throw e.wrap("error during formatting");
    }
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    return i + 1;
  }

  /** Go's {@code strconv.Atoi} on a run of ASCII digits, with its error texts. */
  private static long atoi(String digits) {
    String prefix = "error while parsing precision: error while converting precision to integer: ";
    if (digits.isEmpty()) {
      throw parseError(prefix + "strconv.Atoi: parsing \"\": invalid syntax");
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw parseError(prefix + "strconv.Atoi: parsing " + GoQuote.quote(digits)
          + ": value out of range");
    }
  }

  private static FormatException parseError(String message) {
    return new FormatException("could not parse formatting clause: " + message);
  }
}

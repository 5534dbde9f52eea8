package io.gatehouse.cel.library;

/**
 * cel-go hands {@code %f}/{@code %e} precisions to {@code golang.org/x/text/message} by printing
 * them into a printf template, whose parser gives up on numbers above a million: the clause then
 * renders as {@code %!(NOVERB)} followed by the unused argument. Stateless; thread-safe.
 */
final class PrintfPrecision {

  private static final long TOO_LARGE = 1_000_000;

  private PrintfPrecision() {}

  /** Go's {@code fmt} {@code parsenum}: fails once the value read so far exceeds a million. */
  static boolean isParsable(long precision) {
    long value = 0;
    for (char c : Long.toString(precision).toCharArray()) {
      if (value > TOO_LARGE) {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return true;
  }

  /** What the printer writes for a clause whose precision it could not parse. */
  static String unparsable(double value) {
    return "%!(NOVERB)%!(EXTRA float64=" + GoFloat.formatG(value) + ")";
  }
}

package io.gatehouse.cel.library;


/**
 * The index-based functions of cel-go's strings extension. Indices count Unicode code points, as
 * cel-go counts runes; error texts are cel-go's.
 *
 * <p>Stateless; thread-safe. Failures throw {@link StandardFunctionException} carrying cel-go's
 * text.
 */
final class StringFunctions {

  private StringFunctions() {}

  static String charAt(String s, long index) {
    int[] cps = s.codePoints().toArray();
    if (index < 0 || index > cps.length) {
      throw outOfRange(index);
    }
    return index == cps.length ? "" : Character.toString(cps[(int) index]);
  }

  static long indexOf(String s, String sub, long offset, OffsetRules rules) {
    if (sub.isEmpty()) {
      return offset;
    }
    int[] cps = s.codePoints().toArray();
    int[] subCps = sub.codePoints().toArray();
    if (offset < 0 || (offset >= cps.length && rules == OffsetRules.ERROR_PAST_END)) {
      throw outOfRange(offset);
    }
    if (offset >= cps.length) {
      return -1;
    }
    for (int i = (int) offset; i < cps.length - (subCps.length - 1); i++) {
      if (matchesAt(cps, subCps, i)) {
        return i;
      }
    }
    return -1;
  }

  static long lastIndexOf(String s, String sub) {
    int length = s.codePointCount(0, s.length());
    if (sub.isEmpty()) {
      return length;
    }
    // Both cel-go generations search from the last code point, so an empty receiver asks for
    // offset -1 and fails with "index out of range: -1" (fixed upstream only after v0.23).
    return lastIndexOf(s, sub, length - 1L, OffsetRules.ERROR_PAST_END);
  }

  static long lastIndexOf(String s, String sub, long offset, OffsetRules rules) {
    if (sub.isEmpty()) {
      return offset;
    }
    int[] cps = s.codePoints().toArray();
    int[] subCps = sub.codePoints().toArray();
    if (offset < 0 || (offset >= cps.length && rules == OffsetRules.ERROR_PAST_END)) {
      throw outOfRange(offset);
    }
    if (offset >= cps.length) {
      return -1;
    }
    int start = (int) Math.min(offset, (long) cps.length - subCps.length);
    for (int i = start; i >= 0; i--) {
      if (matchesAt(cps, subCps, i)) {
        return i;
      }
    }
    return -1;
  }

  static String substring(String s, long start) {
    int[] cps = s.codePoints().toArray();
    if (start < 0 || start > cps.length) {
      throw outOfRange(start);
    }
    return new String(cps, (int) start, cps.length - (int) start);
  }

  static String substring(String s, long start, long end) {
    int[] cps = s.codePoints().toArray();
    if (start > end) {
      throw new StandardFunctionException(
          "invalid substring range. start: " + start + ", end: " + end);
    }
    if (start < 0 || start > cps.length) {
      throw outOfRange(start);
    }
    if (end < 0 || end > cps.length) {
      throw outOfRange(end);
    }
    return new String(cps, (int) start, (int) (end - start));
  }

  private static boolean matchesAt(int[] cps, int[] subCps, int at) {
    for (int j = 0; j < subCps.length; j++) {
      if (cps[at + j] != subCps[j]) {
        return false;
      }
    }
    return true;
  }

  private static StandardFunctionException outOfRange(long index) {
    return new StandardFunctionException("index out of range: " + index);
  }
}

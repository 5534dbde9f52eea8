package io.gatehouse.storage;

import java.util.Comparator;

/**
 * The keys starting with a prefix, as a half-open interval {@code [from, to)} in UTF-8 byte order,
 * which is SQLite's {@code BINARY} order for text and equals Unicode code point order. {@code to}
 * is absent when no key bounds the range (empty prefix, or a prefix of U+10FFFF only).
 *
 * @param prefix the prefix
 * @param from the smallest key in the range (the prefix itself)
 * @param to the smallest key above the range, or the empty string if the range is unbounded
 */
record KeyRange(String prefix, String from, String to) {

  /** Orders keys by code point, i.e. by their UTF-8 bytes, unlike {@link String#compareTo}. */
  static final Comparator<String> ORDER = KeyRange::compare;

  /** The range of keys starting with {@code prefix}. */
  static KeyRange of(String prefix) {
    requireWellFormed(prefix);
    return new KeyRange(prefix, prefix, successor(prefix));
  }

  /** Whether {@code to} bounds the range. */
  boolean bounded() {
    return !to.isEmpty();
  }

  /** Whether {@code key} lies in the range. */
  boolean contains(String key) {
    return key.startsWith(prefix);
  }

  /**
   * The inclusive lower bound of the keys in this range that come after {@code after} (exclusive;
   * the empty string means from the start of the range).
   */
  String startAfter(String after) {
    if (after.isEmpty()) {
      return from;
    }
    String next = afterKey(requireWellFormed(after));
    return compare(next, from) > 0 ? next : from;
  }

  /**
   * The smallest key strictly greater than {@code key}: appending U+0000 gives the next string in
   * code point order, so {@code k > key} equals {@code k >= afterKey(key)}.
   */
  static String afterKey(String key) {
    return key + '\u0000';
  }

  /** Returns {@code key} if it is usable as a key: non-empty and well-formed UTF-16. */
  static String requireKey(String key) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    return requireWellFormed(key);
  }

  /** Code point order. */
  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static String successor(String prefix) {
    int end = prefix.length();
    while (end > 0) {
      int last = prefix.codePointBefore(end);
      int start = end - Character.charCount(last);
      if (last < Character.MAX_CODE_POINT) {
        // Surrogate code points never occur in well-formed keys: skip over them.
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        return prefix.substring(0, start) + Character.toString(next);
      }
      end = start;
    }
    return "";
  }

  private static String requireWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("key contains an unpaired surrogate at index " + i);
      }
    }
    return s;
  }
}

package io.gatehouse.admission.podsecurity;

import io.gatehouse.api.GoQuote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The text helpers upstream's checks format with: {@code joinQuote}, {@code pluralize}, Go's {@code
 * %q} and Go's byte-order string sorting ({@code sets.String.List()}).
 *
 * <p>Stateless; thread-safe.
 */
final class GoText {

  /** Go compares strings by UTF-8 bytes, which is code point order (Java compares UTF-16 units). */
  static final Comparator<String> BYTE_ORDER = GoText::compare;


  private GoText() {}

  /** Returns {@code "a", "b"}: each item wrapped in double quotes (not escaped), joined. */
  static String joinQuote(Collection<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (String item : items) {
      b.append(b.isEmpty() ? "\"" : ", \"").append(item).append('"');
    }
    return b.toString();
  }

  /** Returns {@code singular} when {@code count} is 1, else {@code plural}. */
  static String pluralize(String singular, String plural, int count) {
    return count == 1 ? singular : plural;
  }

  /** Returns {@code container "a"} or {@code containers "a", "b"}. */
  static String containers(List<String> names) {
    return pluralize("container", "containers", names.size()) + " " + joinQuote(names);
  }

  /** Returns the distinct values sorted as Go's {@code sets.String.List()} sorts them. */
  static List<String> sortedSet(Collection<String> values) {
    TreeSet<String> set = new TreeSet<>(BYTE_ORDER);
    set.addAll(values);
    return new ArrayList<>(set);
  }

  /** Returns {@code values} sorted in Go's byte order (duplicates kept). */
  static List<String> sorted(Collection<String> values) {
    List<String> out = new ArrayList<>(values);
    out.sort(BYTE_ORDER);
    return out;
  }

  /** Compares as Go compares strings (by UTF-8 bytes, i.e. code points). */
  static int compare(String a, String b) {
    return GoQuote.compare(a, b);
  }

  /** Quotes {@code s} as Go's {@code %q} ({@code strconv.Quote}) does. */
  static String quote(String s) {
    return GoQuote.quote(s);
  }
}

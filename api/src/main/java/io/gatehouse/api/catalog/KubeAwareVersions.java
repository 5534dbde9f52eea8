package io.gatehouse.api.catalog;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code version.CompareKubeAwareVersionStrings}, the order of API versions that share
 * a version priority (all versions of CRDs): GA before beta before alpha, then higher major, then
 * higher minor; versions that are not kube-like ({@code v1}, {@code v2beta1}, {@code v1alpha3})
 * come after them, alphabetically. Stateless.
 */
public final class KubeAwareVersions {

  /** Orders versions highest priority first. */
  static final Comparator<String> PRIORITY_ORDER =
      (a, b) -> {
        int c = compare(b, a);
        return c != 0 ? c : a.compareTo(b);
      };

  private static final Pattern KUBE_VERSION = Pattern.compile("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$");

  private KubeAwareVersions() {}

  /** Returns a positive number if {@code v1} has higher priority than {@code v2}, as upstream. */
  public static int compare(String v1, String v2) {
    if (v1.equals(v2)) {
      return 0;
    }
    long[] a = parse(v1);
    long[] b = parse(v2);
    if (a == null && b == null) {
      return v2.compareTo(v1);
    }
    if (a == null) {
      return -1;
    }
    if (b == null) {
      return 1;
    }
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Long.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  /** Returns {type (alpha 0, beta 1, GA 2), major, minor}, or null if not kube-like. */
  private static long @Nullable [] parse(String v) {
    Matcher m = KUBE_VERSION.matcher(v);
    if (!m.matches()) {
      return null;
    }
    try {
      long major = Long.parseLong(m.group(1));
      if (m.group(2) == null) {
        return new long[] {2, major, 0};
      }
      long minor = Long.parseLong(m.group(3));
      return new long[] {m.group(2).equals("alpha") ? 0 : 1, major, minor};
    } catch (NumberFormatException e) {
      return null; // beyond int64, where Go's Atoi fails too
    }
  }
}

package io.gatehouse.cel.library;

import dev.cel.common.values.NullValue;
import io.gatehouse.api.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CEL runtime value of type {@code kubernetes.Semver}: a version as {@code
 * github.com/blang/semver/v4} (v4.0.0, vendored by Kubernetes) parses and orders it, with its exact
 * error texts, plus Kubernetes' {@code normalizeAndParse}.
 *
 * <p>Major, minor and patch are unsigned 64-bit numbers held in {@code long}s. Build metadata is
 * kept but ignored by comparison and equality, as blang's {@code Compare} ignores it.
 *
 * <p>Immutable and thread-safe. {@link #equals} follows upstream's {@code Semver.Equal}: it throws
 * a {@code no such overload} CEL error when compared with a value that is neither a semver nor
 * {@code null}, which is how {@code semver('1.0.0') == 1} fails in cel-go.
 */
final class SemanticVersion implements Comparable<SemanticVersion> {

  private static final String NUMBERS = "0123456789";
  private static final String ALPHANUM =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-" + NUMBERS;

  private final long major;
  private final long minor;
  private final long patch;
  private final List<PreRelease> pre;
  private final List<String> build;

  /** One dot-separated prerelease identifier: numeric (compared as a number) or alphanumeric. */
  private record PreRelease(@Nullable String text, long number) implements Comparable<PreRelease> {
    @Override
    public int compareTo(PreRelease o) {
      if (text == null && o.text == null) {
        return Integer.signum(Long.compareUnsigned(number, o.number));
      }
      if (text == null) {
        return -1;
      }
      if (o.text == null) {
        return 1;
      }
      return Integer.signum(text.compareTo(o.text));
    }
  }

  private SemanticVersion(
      long major, long minor, long patch, List<PreRelease> pre, List<String> build) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = List.copyOf(pre);
    this.build = List.copyOf(build);
  }

  long major() {
    return major;
  }

  long minor() {
    return minor;
  }

  long patch() {
    return patch;
  }

  /**
   * blang's {@code semver.Parse}.
   *
   * @throws IllegalArgumentException with blang's message if {@code s} is not a version
   */
  static SemanticVersion parse(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("Version string empty");
    }
    String[] parts = s.split("\\.", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("No Major.Minor.Patch elements found");
    }
    long major = number(parts[0], "major", "Major");
    long minor = number(parts[1], "minor", "Minor");
    String patchStr = parts[2];
    List<String> buildStrs = List.of();
    List<String> preStrs = List.of();
    int plus = patchStr.indexOf('+');
    if (plus >= 0) {
      buildStrs = splitAll(patchStr.substring(plus + 1));
      patchStr = patchStr.substring(0, plus);
    }
    int dash = patchStr.indexOf('-');
    if (dash >= 0) {
      preStrs = splitAll(patchStr.substring(dash + 1));
      patchStr = patchStr.substring(0, dash);
    }
    long patch = number(patchStr, "patch", "Patch");
    List<PreRelease> pre = new ArrayList<>();
    for (String p : preStrs) {
      pre.add(preRelease(p));
    }
    for (String b : buildStrs) {
      if (b.isEmpty()) {
        throw new IllegalArgumentException("Build meta data is empty");
      }
      if (!containsOnly(b, ALPHANUM)) {
        throw new IllegalArgumentException(
            "Invalid character(s) found in build meta data " + GoQuote.quote(b));
      }
    }
    return new SemanticVersion(major, minor, patch, pre, buildStrs);
  }

  /**
   * Kubernetes' {@code normalizeAndParse}: drop one leading {@code v}, strip leading zeros from
   * each of the first three dot-separated parts, pad a short version with {@code .0}, then parse.
   * Unlike blang's {@code ParseTolerant} it does not trim whitespace.
   */
  static SemanticVersion parseNormalized(String s) {
    String rest = s.startsWith("v") ? s.substring(1) : s;
    List<String> parts = new ArrayList<>(List.of(rest.split("\\.", 3)));
    for (int i = 0; i < parts.size(); i++) {
      String p = parts.get(i);
      // Go's len counts UTF-8 bytes and p[0:1] is the first byte.
      if (p.getBytes(StandardCharsets.UTF_8).length > 1) {
        p = p.replaceFirst("^0+", "");
        if (p.isEmpty() || NUMBERS.indexOf(p.charAt(0)) < 0) {
          p = "0" + p;
        }
        parts.set(i, p);
      }
    }
    if (parts.size() < 3) {
      String last = parts.get(parts.size() - 1);
      if (last.contains("+") || last.contains("-")) {
        throw new IllegalArgumentException(
            "short version cannot contain PreRelease/Build meta data");
      }
      while (parts.size() < 3) {
        parts.add("0");
      }
    }
    return parse(String.join(".", parts));
  }

  private static long number(String part, String lower, String upper) {
    if (!containsOnly(part, NUMBERS)) {
      throw new IllegalArgumentException(
          "Invalid character(s) found in " + lower + " number " + GoQuote.quote(part));
    }
    if (part.length() > 1 && part.charAt(0) == '0') {
      throw new IllegalArgumentException(
          upper + " number must not contain leading zeroes " + GoQuote.quote(part));
    }
    return parseUint(part);
  }

  private static PreRelease preRelease(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("Prerelease is empty");
    }
    if (containsOnly(s, NUMBERS)) {
      if (s.length() > 1 && s.charAt(0) == '0') {
        throw new IllegalArgumentException(
            "Numeric PreRelease version must not contain leading zeroes " + GoQuote.quote(s));
      }
      return new PreRelease(null, parseUint(s));
    }
    if (containsOnly(s, ALPHANUM)) {
      return new PreRelease(s, 0);
    }
    throw new IllegalArgumentException(
        "Invalid character(s) found in prerelease " + GoQuote.quote(s));
  }

  /** Go's {@code strconv.ParseUint(s, 10, 64)} on a string of ASCII digits. */
  private static long parseUint(String digits) {
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("strconv.ParseUint: parsing \"\": invalid syntax");
    }
    try {
      return Long.parseUnsignedLong(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "strconv.ParseUint: parsing " + GoQuote.quote(digits) + ": value out of range");
    }
  }

  private static boolean containsOnly(String s, String set) {
    return s.codePoints().allMatch(c -> c < 0x80 && set.indexOf(c) >= 0);
  }

  /** Go's {@code strings.Split}: empty pieces are kept. */
  private static List<String> splitAll(String s) {
    return List.of(s.split("\\.", -1));
  }

  /** blang's {@code Compare}: -1, 0 or 1; build metadata is ignored. */
  @Override
  public int compareTo(SemanticVersion o) {
    int c = Long.compareUnsigned(major, o.major);
    if (c == 0) {
      c = Long.compareUnsigned(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compareUnsigned(patch, o.patch);
    }
    if (c != 0) {
      return Integer.signum(c);
    }
    if (pre.isEmpty() || o.pre.isEmpty()) {
      return Boolean.compare(pre.isEmpty(), o.pre.isEmpty());
    }
    for (int i = 0; i < pre.size() && i < o.pre.size(); i++) {
      int p = pre.get(i).compareTo(o.pre.get(i));
      if (p != 0) {
        return p;
      }
    }
    return Integer.signum(Integer.compare(pre.size(), o.pre.size()));
  }

  /**
   * Upstream's {@code Semver.Equal}: equal versions by {@link #compareTo}; false against {@code
   * null}.
   *
   * @throws RuntimeException the CEL error {@code no such overload} for any other operand
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (o instanceof SemanticVersion v) {
      return compareTo(v) == 0;
    }
    if (o == null || o instanceof NullValue || o instanceof com.google.protobuf.NullValue) {
      // cel-java's equality also probes every operand against protobuf's NULL_VALUE.
      return false;
    }
    throw new StandardFunctionException("no such overload");
  }

  @Override
  public int hashCode() {
    return Long.hashCode(major) * 961 + Long.hashCode(minor) * 31 + Long.hashCode(patch);
  }

  /** Returns blang's {@code String}: the canonical text, with prerelease and build. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder()
        .append(Long.toUnsignedString(major)).append('.')
        .append(Long.toUnsignedString(minor)).append('.')
        .append(Long.toUnsignedString(patch));
    for (int i = 0; i < pre.size(); i++) {
      PreRelease p = pre.get(i);
      b.append(i == 0 ? '-' : '.');
      b.append(p.text() != null ? p.text() : Long.toUnsignedString(p.number()));
    }
    for (int i = 0; i < build.size(); i++) {
      b.append(i == 0 ? '+' : '.').append(build.get(i));
    }
    return b.toString();
  }
}

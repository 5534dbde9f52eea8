package io.gatehouse.api.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Kubernetes' name and label validators as apimachinery 1.31–1.33 writes them: DNS-1123 labels and
 * subdomains, DNS-1035 labels, qualified names (label keys), label values, and the {@code NameIs…}
 * wrappers used for object names and {@code generateName} prefixes.
 *
 * <p>Each validator returns the list of problems, in apimachinery's order and words; an empty list
 * means valid. Lengths are counted in UTF-8 bytes, as Go's {@code len} does. The patterns are
 * matched by hand in linear time (Go uses RE2; a backtracking regex would not be linear here).
 *
 * <p>Stateless and thread-safe. Inputs must not be null.
 */
public final class NameValidation {

  /** The maximum length of a DNS-1123 label. */
  public static final int DNS1123_LABEL_MAX_LENGTH = 63;
  /** The maximum length of a DNS-1123 subdomain. */
  public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
  /** The maximum length of a DNS-1035 label. */
  public static final int DNS1035_LABEL_MAX_LENGTH = 63;
  /** The maximum length of a label value. */
  public static final int LABEL_VALUE_MAX_LENGTH = 63;
  /** The maximum length of the name part of a qualified name. */
  public static final int QUALIFIED_NAME_MAX_LENGTH = 63;

  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_LABEL_ERR =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final String DNS1123_SUBDOMAIN_ERR =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1035_LABEL_ERR =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character";
  private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String QUALIFIED_NAME_ERR =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  private static final String LABEL_VALUE_ERR =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";

  private NameValidation() {}

  /** apimachinery's {@code IsDNS1123Label}. */
  public static List<String> isDns1123Label(String value) {
    return dns1123Label(utf8(value));
  }

  /** apimachinery's {@code IsDNS1123Subdomain}. */
  public static List<String> isDns1123Subdomain(String value) {
    return dns1123Subdomain(utf8(value));
  }

  /** apimachinery's {@code IsDNS1035Label}. */
  public static List<String> isDns1035Label(String value) {
    return dns1035Label(utf8(value));
  }

  /**
   * apimachinery's {@code IsQualifiedName}: an optional DNS-1123 subdomain prefix and {@code /},
   * then a name part of at most 63 characters.
   */
  public static List<String> isQualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    List<String> parts = splitAll(value, '/');
    String name;
    switch (parts.size()) {
      case 1 -> name = parts.get(0);
      case 2 -> {
        String prefix = parts.get(0);
        name = parts.get(1);
        if (prefix.isEmpty()) {
          errs.add("prefix part " + emptyError());
        } else {
          for (String msg : isDns1123Subdomain(prefix)) {
            errs.add("prefix part " + msg);
          }
        }
      }
      default -> {
        errs.add(
            "a qualified name "
                + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return List.copyOf(errs);
      }
    }
    byte[] bytes = utf8(name);
    if (bytes.length == 0) {
      errs.add("name part " + emptyError());
    } else if (bytes.length > QUALIFIED_NAME_MAX_LENGTH) {
      errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
    }
    if (!qualifiedName(bytes, 0, bytes.length)) {
      errs.add(
          "name part "
              + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return List.copyOf(errs);
  }

  /** apimachinery's {@code IsValidLabelValue}: empty, or a qualified name part. */
  public static List<String> isValidLabelValue(String value) {
    byte[] bytes = utf8(value);
    List<String> errs = new ArrayList<>();
    if (bytes.length > LABEL_VALUE_MAX_LENGTH) {
      errs.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
    }
    if (bytes.length != 0 && !qualifiedName(bytes, 0, bytes.length)) {
      errs.add(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return List.copyOf(errs);
  }

  /**
   * apimachinery's {@code NameIsDNSLabel}: a DNS-1123 label; with {@code prefix} (a
   * {@code generateName}), a trailing dash is first masked as upstream's {@code maskTrailingDash}
   * does, replacing the last <em>two</em> bytes with {@code a}.
   *
   * @throws IndexOutOfBoundsException for {@code "-"} with {@code prefix}, where upstream panics
   *     with the message carried here ({@code runtime error: slice bounds out of range [:-1]})
   */
  public static List<String> nameIsDnsLabel(String name, boolean prefix) {
    return dns1123Label(prefix ? maskTrailingDash(utf8(name)) : utf8(name));
  }

  /**
   * apimachinery's {@code NameIsDNSSubdomain}; see {@link #nameIsDnsLabel} for {@code prefix}.
   *
   * @throws IndexOutOfBoundsException as {@link #nameIsDnsLabel}
   */
  public static List<String> nameIsDnsSubdomain(String name, boolean prefix) {
    return dns1123Subdomain(prefix ? maskTrailingDash(utf8(name)) : utf8(name));
  }

  /**
   * apimachinery's {@code NameIsDNS1035Label}; see {@link #nameIsDnsLabel} for {@code prefix}.
   *
   * @throws IndexOutOfBoundsException as {@link #nameIsDnsLabel}
   */
  public static List<String> nameIsDns1035Label(String name, boolean prefix) {
    return dns1035Label(prefix ? maskTrailingDash(utf8(name)) : utf8(name));
  }

  /** apimachinery's {@code MaxLenError}: {@code must be no more than N characters}. */
  public static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  /** apimachinery's {@code EmptyError}: {@code must be non-empty}. */
  public static String emptyError() {
    return "must be non-empty";
  }

  /**
   * apimachinery's {@code RegexError}: the message, the examples (each followed by a comma, joined
   * with {@code " or "}) and the pattern.
   */
  public static String regexError(String msg, String fmt, String... examples) {
    if (examples.length == 0) {
      return msg + " (regex used for validation is '" + fmt + "')";
    }
    StringBuilder b = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        b.append(" or ");
      }
      b.append('\'').append(examples[i]).append("', ");
    }
    return b.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  private static List<String> dns1123Label(byte[] value) {
    List<String> errs = new ArrayList<>();
    if (value.length > DNS1123_LABEL_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_LABEL_MAX_LENGTH));
    }
    if (!label1123(value, 0, value.length)) {
      if (subdomain1123(value)) {
        // A valid subdomain but not a valid label; the length was checked, so it has dots.
        errs.add("must not contain dots");
      } else {
        errs.add(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, "my-name", "123-abc"));
      }
    }
    return List.copyOf(errs);
  }

  private static List<String> dns1123Subdomain(byte[] value) {
    List<String> errs = new ArrayList<>();
    if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!subdomain1123(value)) {
      errs.add(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return List.copyOf(errs);
  }

  private static List<String> dns1035Label(byte[] value) {
    List<String> errs = new ArrayList<>();
    if (value.length > DNS1035_LABEL_MAX_LENGTH) {
      errs.add(maxLenError(DNS1035_LABEL_MAX_LENGTH));
    }
    if (value.length == 0 || !isLower(value[0]) || !label1123(value, 0, value.length)) {
      errs.add(regexError(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, "my-name", "abc-123"));
    }
    return List.copyOf(errs);
  }

  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} over {@code value[from, to)}. */
  private static boolean label1123(byte[] value, int from, int to) {
    if (from >= to || value[from] == '-' || value[to - 1] == '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      byte c = value[i];
      if (!(isLower(c) || isDigit(c) || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Labels joined by single dots. */
  private static boolean subdomain1123(byte[] value) {
    int start = 0;
    for (int i = 0; i <= value.length; i++) {
      if (i == value.length || value[i] == '.') {
        if (!label1123(value, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]} over {@code value[from, to)}. */
  private static boolean qualifiedName(byte[] value, int from, int to) {
    if (from >= to || !isAlnum(value[from]) || !isAlnum(value[to - 1])) {
      return false;
    }
    for (int i = from; i < to; i++) {
      byte c = value[i];
      if (!(isAlnum(c) || c == '-' || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** upstream's {@code name[:len(name)-2] + "a"} for a name ending in a dash, on UTF-8 bytes. */
  private static byte[] maskTrailingDash(byte[] name) {
    if (name.length == 0 || name[name.length - 1] != '-') {
      return name;
    }
    if (name.length < 2) {
      throw new IndexOutOfBoundsException("runtime error: slice bounds out of range [:-1]");
    }
    byte[] masked = Arrays.copyOf(name, name.length - 1);
    masked[masked.length - 1] = 'a';
    return masked;
  }

  /** Go's {@code strings.Split}: every separator splits, empty pieces are kept. */
  private static List<String> splitAll(String s, char separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = s.indexOf(separator); i >= 0; i = s.indexOf(separator, start)) {
      parts.add(s.substring(start, i));
      start = i + 1;
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isLower(byte c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlnum(byte c) {
    return isLower(c) || isDigit(c) || (c >= 'A' && c <= 'Z');
  }
}

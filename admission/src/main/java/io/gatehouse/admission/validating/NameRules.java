package io.gatehouse.admission.validating;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * apimachinery's name and label checks ({@code util/validation}) with their exact messages.
 * Stateless; thread-safe.
 */
final class NameRules {

  private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_SUBDOMAIN = DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*";
  private static final String DNS1035_LABEL = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String QUALIFIED_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String LABEL_VALUE = "(" + QUALIFIED_NAME + ")?";
  private static final Pattern SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN);
  private static final Pattern DNS1035 = Pattern.compile(DNS1035_LABEL);
  private static final Pattern QNAME = Pattern.compile(QUALIFIED_NAME);
  private static final Pattern LVALUE = Pattern.compile(LABEL_VALUE);
  private static final Pattern CEL_IDENT = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");
  private static final List<String> CEL_RESERVED =
      List.of("true", "false", "null", "in", "as", "break", "const", "continue", "else", "for",
          "function", "if", "import", "let", "loop", "package", "namespace", "return", "var",
          "void", "while");
  private static final String QNAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";

  private NameRules() {}

  static List<String> dns1123Subdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (len(value) > 253) {
      errs.add(maxLen(253));
    }
    if (!SUBDOMAIN.matcher(value).matches()) {
      errs.add(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
          + " characters, '-' or '.', and must start and end with an alphanumeric character",
          DNS1123_SUBDOMAIN, "example.com"));
    }
    return errs;
  }

  /** upstream's {@code NameIsDNSSubdomain}: a prefix may end in a dash. */
  static List<String> nameIsDnsSubdomain(String name, boolean prefix) {
    if (prefix && name.endsWith("-")) {
      name = name.substring(0, name.length() - 1) + "a";
    }
    return dns1123Subdomain(name);
  }

  static List<String> dns1035Label(String value) {
    List<String> errs = new ArrayList<>();
    if (len(value) > 63) {
      errs.add(maxLen(63));
    }
    if (!DNS1035.matcher(value).matches()) {
      errs.add(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or"
          + " '-', start with an alphabetic character, and end with an alphanumeric character",
          DNS1035_LABEL, "my-name", "abc-123"));
    }
    return errs;
  }

  static List<String> qualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        for (String msg : dns1123Subdomain(prefix)) {
          errs.add("prefix part " + msg);
        }
      }
    } else {
      errs.add("a qualified name " + regexError(QNAME_MSG, QUALIFIED_NAME, "MyName", "my.name",
          "123-abc") + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (len(name) > 63) {
      errs.add("name part " + maxLen(63));
    }
    if (!QNAME.matcher(name).matches()) {
      errs.add("name part " + regexError(QNAME_MSG, QUALIFIED_NAME, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  static List<String> labelValue(String value) {
    List<String> errs = new ArrayList<>();
    if (len(value) > 63) {
      errs.add(maxLen(63));
    }
    if (!LVALUE.matcher(value).matches()) {
      errs.add(regexError("a valid label must be an empty string or consist of alphanumeric"
          + " characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          LABEL_VALUE, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  /** upstream's {@code path.ValidatePathSegmentName(name, false)}. */
  static List<String> pathSegmentName(String name) {
    if (name.equals(".") || name.equals("..")) {
      return List.of("may not be '" + name + "'");
    }
    List<String> errs = new ArrayList<>();
    for (String illegal : List.of("/", "%")) {
      if (name.contains(illegal)) {
        errs.add("may not contain '" + illegal + "'");
      }
    }
    return errs;
  }

  static boolean isCelIdentifier(String name) {
    return CEL_IDENT.matcher(name).matches() && !CEL_RESERVED.contains(name);
  }

  private static int len(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String maxLen(int length) {
    return "must be no more than " + length + " characters";
  }

  private static String regexError(String msg, String format, String... examples) {
    StringBuilder b = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      b.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return b.append("regex used for validation is '").append(format).append("')").toString();
  }
}

package io.gatehouse.server.schema;

import com.google.re2j.Pattern;
import java.util.Locale;
import java.util.Set;

/**
 * The string formats a CRD schema may use (apiextensions' {@code supportedFormats}; any other
 * format is dropped before validation) and kube-openapi's {@code strfmt} checks for them. Names
 * are compared after removing dashes ({@code date-time} is {@code datetime}). Stateless.
 */
final class Formats {

  private static final Set<String> SUPPORTED = Set.of("bsonobjectid", "uri", "email", "hostname",
      "ipv4", "ipv6", "cidr", "mac", "uuid", "uuid3", "uuid4", "uuid5", "isbn", "isbn10", "isbn13",
      "creditcard", "ssn", "hexcolor", "rgbcolor", "byte", "password", "date", "duration",
      "datetime");

  private static final String LD = "a-zA-Z0-9\\p{S}\\p{L}";
  private static final Pattern HOSTNAME = Pattern.compile("^([" + LD + "]((-?[" + LD
      + "]{0,62})?)|([" + LD + "](([" + LD.replace("a-zA-Z0-9", "a-zA-Z0-9-") + "]{0,61}[" + LD
      + "])?)(\\.)){1,}([" + LD + "])(-?[" + LD + "]){1,62})$");
  private static final Pattern UUID3 = uuid("3[0-9a-f]{3}", "[0-9a-f]{4}");
  private static final Pattern UUID4 = uuid("4[0-9a-f]{3}", "[89ab][0-9a-f]{3}");
  private static final Pattern UUID5 = uuid("5[0-9a-f]{3}", "[89ab][0-9a-f]{3}");
  private static final Pattern UUID = uuid("[0-9a-f]{4}", "[0-9a-f]{4}");
  private static final Pattern SSN = Pattern.compile("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}$");
  private static final Pattern HEXCOLOR = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");
  private static final String BYTE = "\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*";
  private static final Pattern RGBCOLOR = Pattern.compile(
      "^rgb\\(" + BYTE + "," + BYTE + "," + BYTE + "\\)$");
  private static final Pattern BSON = Pattern.compile("^[0-9a-fA-F]{24}$");
  private static final Pattern DURATION = Pattern.compile("^\\s*(?:\\d+\\s*[A-Za-zµ]+\\s*)+$");

  private Formats() {}

  private static Pattern uuid(String third, String fourth) {
    return Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?" + third + "-?" + fourth
        + "-?[0-9a-f]{12}$");
  }

  /** Whether {@code format} is one a CRD schema keeps. */
  static boolean supported(String format) {
    return !format.isEmpty() && SUPPORTED.contains(format.replace("-", ""));
  }

  /** Whether {@code s} is valid in the (supported) {@code format}. */
  static boolean valid(String format, String s) {
    return switch (format.replace("-", "")) {
      case "uri" -> GoNet.isRequestUri(s);
      case "email" -> GoNet.isEmail(s);
      case "hostname" -> HOSTNAME.matcher(s).find() && s.length() <= 255
          && java.util.Arrays.stream(s.split("\\.", -1)).allMatch(p -> p.length() <= 63);
      case "ipv4" -> GoNet.parseIp(s) != null && s.contains(".");
      case "ipv6" -> GoNet.parseIp(s) != null && s.contains(":");
      case "cidr" -> GoNet.isCidr(s);
      case "mac" -> GoNet.isMac(s);
      case "uuid" -> UUID.matcher(s).find();
      case "uuid3" -> UUID3.matcher(s).find();
      case "uuid4" -> UUID4.matcher(s).find();
      case "uuid5" -> UUID5.matcher(s).find();
      case "isbn" -> Isbn.isbn10(s) || Isbn.isbn13(s);
      case "isbn10" -> Isbn.isbn10(s);
      case "isbn13" -> Isbn.isbn13(s);
      case "creditcard" -> Isbn.creditCard(s);
      case "ssn" -> SSN.matcher(s).find();
      case "hexcolor" -> HEXCOLOR.matcher(s).find();
      case "rgbcolor" -> RGBCOLOR.matcher(s).find();
      case "byte" -> isBase64(s);
      case "password" -> true;
      case "date" -> GoTime.isDate(s);
      case "datetime" -> GoTime.isDateTime(s);
      case "duration" -> GoTime.isGoDuration(s) || scalaDuration(s);
      case "bsonobjectid" -> BSON.matcher(s).find();
      default -> true;
    };
  }

  /** govalidator's {@code IsBase64} pattern. */
  static boolean isBase64(String s) {
    int n = s.length();
    if (n == 0 || n % 4 != 0) {
      return false;
    }
    int data = s.endsWith("==") ? n - 2 : s.endsWith("=") ? n - 1 : n;
    for (int i = 0; i < data; i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/')) {
        return false;
      }
    }
    return true;
  }

  /** kube-openapi's {@code ParseDuration} fallback: {@code <n> <unit>} groups, known units. */
  private static boolean scalaDuration(String s) {
    if (!DURATION.matcher(s).find()) {
      return false;
    }
    com.google.re2j.Matcher m = Pattern.compile("(\\d+)\\s*([A-Za-zµ]+)").matcher(s);
    boolean ok = false;
    String[][] units = {{"ns", "nano"}, {"us", "µs", "micro"}, {"ms", "milli"}, {"s", "sec"},
        {"m", "min"}, {"h", "hr", "hour"}, {"d", "day"}, {"w", "wk", "week"}};
    while (m.find()) {
      String unit = m.group(2).toLowerCase(Locale.ROOT).strip();
      for (String[] variants : units) {
        for (int i = 0; i < variants.length; i++) {
          boolean last = i == variants.length - 1;
          if ((last && unit.startsWith(variants[i])) || variants[i].equalsIgnoreCase(unit)) {
            ok = true;
          }
        }
      }
    }
    return ok;
  }
}

package io.gatehouse.server.schema;

/**
 * govalidator's {@code IsISBN10}, {@code IsISBN13} (spaces and dashes removed, check digit
 * verified) and {@code IsCreditCard} (non-digits removed, card-number pattern, Luhn checksum).
 * Stateless.
 */
final class Isbn {

  private static final com.google.re2j.Pattern CARD = com.google.re2j.Pattern.compile(
      "^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|(222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01]"
          + "[0-9]|2720)[0-9]{12}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68]"
          + "[0-9])[0-9]{11}|(?:2131|1800|35\\d{3})\\d{11}|6[27][0-9]{14})$");

  private Isbn() {}

  static boolean isbn10(String s) {
    String t = s.replaceAll("[\\s-]+", "");
    if (!t.matches("[0-9]{9}X|[0-9]{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (i + 1) * (t.charAt(i) - '0');
    }
    int last = t.charAt(9) == 'X' ? 10 : t.charAt(9) - '0';
    sum += 10 * last;
    return sum % 11 == 0;
  }

  static boolean isbn13(String s) {
    String t = s.replaceAll("[\\s-]+", "");
    if (!t.matches("[0-9]{13}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (i % 2 == 0 ? 1 : 3) * (t.charAt(i) - '0');
    }
    return (10 - sum % 10) % 10 == t.charAt(12) - '0';
  }

  static boolean creditCard(String s) {
    String t = s.replaceAll("[^0-9]+", "");
    if (!CARD.matcher(t).find()) {
      return false;
    }
    int sum = 0;
    boolean shouldDouble = false;
    for (int i = t.length() - 1; i >= 0; i--) {
      int d = t.charAt(i) - '0';
      if (shouldDouble) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      shouldDouble = !shouldDouble;
    }
    return sum % 10 == 0;
  }
}

package io.gatehouse.cel.library;

import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.SelectorOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * apimachinery's {@code fields.ParseSelector(s).Requirements()}: comma-separated terms (a
 * backslash escapes {@code \ , =} in values), each {@code field=value}, {@code field==value} or
 * {@code field!=value}, in sorted term order; a term with empty field and value is dropped. Errors
 * carry upstream's texts.
 *
 * <p>Stateless; thread-safe.
 */
final class FieldSelectorParser {

  private static final String[] OPERATORS = {"!=", "==", "="};

  /** An invalid escape or unescaped special character in a value. */
  private static final class BadValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadValueException(String message) {
      super(message, null, false, false);
    }
  }

  private FieldSelectorParser() {}

  static SelectorParse<FieldSelectorRequirement> parse(String selector) {
    List<String> terms = splitTerms(selector);
    terms.sort(FieldSelectorParser::compareCodePoints);
    List<FieldSelectorRequirement> requirements = new ArrayList<>();
    for (String term : terms) {
      if (term.isEmpty()) {
        continue;
      }
      int at = -1;
      String op = "";
      for (int i = 0; i < term.length() && at < 0; i++) {
        for (String candidate : OPERATORS) {
          if (term.startsWith(candidate, i)) {
            at = i;
            op = candidate;
            break;
          }
        }
      }
      if (at < 0) {
        return SelectorParse.failed(
            "invalid selector: '" + selector + "'; can't understand '" + term + "'");
      }
      String field = term.substring(0, at);
      String value;
      try {
        value = unescape(term.substring(at + op.length()));
      } catch (BadValueException e) {
        return SelectorParse.failed(e.getMessage());
      }
      if (!field.isEmpty() || !value.isEmpty()) {
        SelectorOperator operator =
            op.equals("!=") ? SelectorOperator.NOT_EQUALS : SelectorOperator.EQUALS;
        requirements.add(new FieldSelectorRequirement(field, operator, value));
      }
    }
    return new SelectorParse<>(requirements, "");
  }

  /** Splits at commas not preceded by an escaping backslash; the backslashes stay. */
  private static List<String> splitTerms(String selector) {
    List<String> terms = new ArrayList<>();
    if (selector.isEmpty()) {
      return terms;
    }
    int start = 0;
    boolean inSlash = false;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (inSlash) {
        inSlash = false;
      } else if (c == '\\') {
        inSlash = true;
      } else if (c == ',') {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }

  /**
   * Unescapes a value as {@code fields.UnescapeValue}.
   *
   * @throws BadValueException carrying upstream's error text
   */
  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inSlash = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (inSlash) {
        if (c != '\\' && c != ',' && c != '=') {
          throw new BadValueException(
              "invalid field selector: invalid escape sequence: \\" + Character.toString(c));
        }
        out.appendCodePoint(c);
        inSlash = false;
      } else if (c == '\\') {
        inSlash = true;
      } else if (c == ',' || c == '=') {
        // Go formats the rune with %v, i.e. as its number.
        throw new BadValueException(
            "invalid field selector: unescaped character in value: " + c);
      } else {
        out.appendCodePoint(c);
      }
    }
    if (inSlash) {
      throw new BadValueException("invalid field selector: invalid escape sequence: \\");
    }
    return out.toString();
  }

  /** Go compares strings by UTF-8 bytes, which orders like code points (unlike UTF-16 units). */
  static int compareCodePoints(String a, String b) {
    return io.gatehouse.api.GoQuote.compare(a, b);
  }
}

package io.gatehouse.cel.library;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexer of apimachinery's label selector parser: identifiers, the keywords {@code in} and
 * {@code notin}, and operator symbols, separated by ASCII whitespace.
 *
 * <p>Not thread-safe: one instance scans one selector.
 */
final class LabelSelectorLexer {

  enum Token {
    ERROR, END, CLOSED_PAR, COMMA, NOT, DOUBLE_EQUALS, EQUALS, GREATER, IDENTIFIER, IN, LESS,
    NOT_EQUALS, NOT_IN, OPEN_PAR
  }

  record Item(Token token, String literal) {}

  private final String s;
  private int pos;

  private LabelSelectorLexer(String s) {
    this.s = s;
  }

  static List<Item> scan(String selector) {
    LabelSelectorLexer lexer = new LabelSelectorLexer(selector);
    List<Item> items = new ArrayList<>();
    Item item;
    do {
      item = lexer.lex();
      items.add(item);
    } while (item.token() != Token.END);
    return items;
  }

  /** Returns the next character, or 0 at the end (a NUL in the input also reads as the end). */
  private char read() {
    return pos < s.length() ? s.charAt(pos++) : 0;
  }

  private Item lex() {
    char ch = read();
    while (isWhitespace(ch)) {
      ch = read();
    }
    if (ch == 0) {
      return new Item(Token.END, "");
    }
    pos--;
    return isSpecial(ch) ? scanSpecial() : scanWord();
  }

  private Item scanWord() {
    StringBuilder word = new StringBuilder();
    while (true) {
      char ch = read();
      if (ch == 0) {
        break;
      }
      if (isSpecial(ch) || isWhitespace(ch)) {
        pos--;
        break;
      }
      word.append(ch);
    }
    String w = word.toString();
    return switch (w) {
      case "in" -> new Item(Token.IN, w);
      case "notin" -> new Item(Token.NOT_IN, w);
      default -> new Item(Token.IDENTIFIER, w);
    };
  }

  /** Takes the longest run of symbols that still forms an operator. */
  private Item scanSpecial() {
    StringBuilder buffer = new StringBuilder();
    Item last = null;
    while (true) {
      char ch = read();
      if (ch == 0) {
        break;
      }
      if (!isSpecial(ch)) {
        pos--;
        break;
      }
      buffer.append(ch);
      Token token = symbol(buffer.toString());
      if (token != null) {
        last = new Item(token, buffer.toString());
      } else if (last != null) {
        pos--;
        break;
      }
    }
    // Every single symbol is an operator, so upstream's error token cannot occur in practice.
    return last != null
        ? last
        : new Item(Token.ERROR, "error expected: keyword found '" + buffer + "'");
  }

  private static Token symbol(String text) {
    return switch (text) {
      case ")" -> Token.CLOSED_PAR;
      case "," -> Token.COMMA;
      case "!" -> Token.NOT;
      case "==" -> Token.DOUBLE_EQUALS;
      case "=" -> Token.EQUALS;
      case ">" -> Token.GREATER;
      case "<" -> Token.LESS;
      case "!=" -> Token.NOT_EQUALS;
      case "(" -> Token.OPEN_PAR;
      default -> null;
    };
  }

  private static boolean isWhitespace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
  }

  private static boolean isSpecial(char ch) {
    return switch (ch) {
      case '=', '!', '(', ')', ',', '>', '<' -> true;
      default -> false;
    };
  }
}

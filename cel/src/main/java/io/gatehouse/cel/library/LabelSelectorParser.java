package io.gatehouse.cel.library;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.authz.LabelSelectorRequirement;
import io.gatehouse.api.authz.SelectorOperator;
import io.gatehouse.api.validation.NameValidation;
import io.gatehouse.cel.library.LabelSelectorLexer.Item;
import io.gatehouse.cel.library.LabelSelectorLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * apimachinery's {@code labels.ParseToRequirements}: a recursive-descent parser over {@link
 * LabelSelectorLexer}'s tokens for {@code key}, {@code !key}, {@code key=v}, {@code key==v}, {@code key!=v}, {@code key in (a,b)},
 * {@code key notin (a,b)}, {@code key>n}, {@code key<n}, comma-separated, followed by the checks of
 * {@code labels.NewRequirement}. Requirements come back sorted by key with sorted, distinct values;
 * errors carry upstream's texts (wrapped in {@code unable to parse requirement: } where upstream
 * wraps them).
 *
 * <p>Not thread-safe: one instance parses one selector.
 */
final class LabelSelectorParser {

  /** A parse error; {@code requirement} marks errors upstream reports through parseRequirement. */
  private static final class SyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean requirement;

    SyntaxException(String message, boolean requirement) {
      super(message, null, false, false);
      this.requirement = requirement;
    }
  }

  private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

  private final List<Item> items;
  private int position;

  private LabelSelectorParser(List<Item> items) {
    this.items = items;
  }

  static SelectorParse<LabelSelectorRequirement> parse(String selector) {
    LabelSelectorParser parser = new LabelSelectorParser(LabelSelectorLexer.scan(selector));
    try {
      List<LabelSelectorRequirement> requirements = parser.parseAll();
      requirements.sort((a, b) -> FieldSelectorParser.compareCodePoints(a.key(), b.key()));
      return new SelectorParse<>(requirements, "");
    } catch (SyntaxException e) {
      return SelectorParse.failed(
          e.requirement ? "unable to parse requirement: " + e.getMessage() : e.getMessage());
    }
  }

  private List<LabelSelectorRequirement> parseAll() {
    List<LabelSelectorRequirement> requirements = new ArrayList<>();
    while (true) {
      Item next = lookahead(true);
      switch (next.token()) {
        case IDENTIFIER, NOT -> {
          requirements.add(parseRequirement());
          Item after = consume(true);
          switch (after.token()) {
            case END -> {
              return requirements;
            }
            case COMMA -> {
              Item t2 = lookahead(true);
              if (t2.token() != Token.IDENTIFIER && t2.token() != Token.NOT) {
                throw syntax("found '" + t2.literal() + "', expected: identifier after ','");
              }
            }
            default -> throw syntax(
                "found '" + after.literal() + "', expected: ',' or 'end of string'");
          }
        }
        case END -> {
          return requirements;
        }
        default -> throw syntax(
            "found '" + next.literal() + "', expected: !, identifier, or 'end of string'");
      }
    }
  }

  private LabelSelectorRequirement parseRequirement() {
    SelectorOperator operator = null;
    Item key = consume(true);
    if (key.token() == Token.NOT) {
      operator = SelectorOperator.DOES_NOT_EXIST;
      key = consume(true);
    }
    if (key.token() != Token.IDENTIFIER) {
      throw requirementError("found '" + key.literal() + "', expected: identifier");
    }
    List<String> keyErrors = NameValidation.isQualifiedName(key.literal());
    if (!keyErrors.isEmpty()) {
      throw requirementError("<nil>: Invalid value: " + GoQuote.quote(key.literal()) + ": "
          + String.join("; ", keyErrors));
    }
    Token after = lookahead(true).token();
    if ((after == Token.END || after == Token.COMMA) && operator == null) {
      operator = SelectorOperator.EXISTS;
    }
    if (operator == SelectorOperator.EXISTS || operator == SelectorOperator.DOES_NOT_EXIST) {
      return new LabelSelectorRequirement(key.literal(), operator, List.of());
    }
    operator = parseOperator();
    Set<String> values =
        operator == SelectorOperator.IN || operator == SelectorOperator.NOT_IN
            ? parseValues()
            : parseExactValue();
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(FieldSelectorParser::compareCodePoints);
    checkValues(key.literal(), operator, sorted);
    return new LabelSelectorRequirement(key.literal(), operator, sorted);
  }

  private SelectorOperator parseOperator() {
    Item item = consume(false);
    return switch (item.token()) {
      case IN -> SelectorOperator.IN;
      case EQUALS -> SelectorOperator.EQUALS;
      case DOUBLE_EQUALS -> SelectorOperator.DOUBLE_EQUALS;
      case GREATER -> SelectorOperator.GREATER_THAN;
      case LESS -> SelectorOperator.LESS_THAN;
      case NOT_IN -> SelectorOperator.NOT_IN;
      case NOT_EQUALS -> SelectorOperator.NOT_EQUALS;
      default -> throw requirementError(
          "found '" + item.literal() + "', expected: " + BINARY_OPERATORS);
    };
  }

  private Set<String> parseValues() {
    Item open = consume(true);
    if (open.token() != Token.OPEN_PAR) {
      throw requirementError("found '" + open.literal() + "' expected: '('");
    }
    Item next = lookahead(true);
    switch (next.token()) {
      case IDENTIFIER, COMMA -> {
        Set<String> values = parseIdentifiersList();
        consume(true); // the list ends only in front of ')'
        return values;
      }
      case CLOSED_PAR -> {
        consume(true);
        return Set.of("");
      }
      default -> throw requirementError(
          "found '" + next.literal() + "', expected: ',', ')' or identifier");
    }
  }

  private Set<String> parseIdentifiersList() {
    Set<String> values = new LinkedHashSet<>();
    while (true) {
      Item item = consume(true);
      switch (item.token()) {
        case IDENTIFIER -> {
          values.add(item.literal());
          Item next = lookahead(true);
          switch (next.token()) {
            case COMMA -> {}
            case CLOSED_PAR -> {
              return values;
            }
            default -> throw requirementError(
                "found '" + next.literal() + "', expected: ',' or ')'");
          }
        }
        case COMMA -> {
          if (values.isEmpty()) {
            values.add("");
          }
          Token next = lookahead(true).token();
          if (next == Token.CLOSED_PAR) {
            values.add("");
            return values;
          }
          if (next == Token.COMMA) {
            values.add("");
          }
        }
        default -> throw requirementError(
            "found '" + item.literal() + "', expected: ',', or identifier");
      }
    }
  }

  private Set<String> parseExactValue() {
    Token next = lookahead(true).token();
    if (next == Token.END || next == Token.COMMA) {
      return Set.of("");
    }
    Item item = consume(true);
    if (item.token() == Token.IDENTIFIER) {
      return Set.of(item.literal());
    }
    throw requirementError("found '" + item.literal() + "', expected: identifier");
  }

  /** The value checks of {@code labels.NewRequirement}, reported as an aggregate. */
  private static void checkValues(String key, SelectorOperator operator, List<String> values) {
    Set<String> errors = new LinkedHashSet<>();
    if (operator == SelectorOperator.GREATER_THAN || operator == SelectorOperator.LESS_THAN) {
      for (int i = 0; i < values.size(); i++) {
        if (!isInt64(values.get(i))) {
          errors.add("values[" + i + "]: Invalid value: " + GoQuote.quote(values.get(i))
              + ": for 'Gt', 'Lt' operators, the value must be an integer");
        }
      }
    }
    for (int i = 0; i < values.size(); i++) {
      List<String> valueErrors = NameValidation.isValidLabelValue(values.get(i));
      if (!valueErrors.isEmpty()) {
        errors.add("values[" + i + "][" + key + "]: Invalid value: " + GoQuote.quote(values.get(i))
            + ": " + String.join("; ", valueErrors));
      }
    }
    if (errors.size() == 1) {
      throw requirementError(errors.iterator().next());
    } else if (!errors.isEmpty()) {
      throw requirementError("[" + String.join(", ", errors) + "]");
    }
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)} succeeds. */
  private static boolean isInt64(String s) {
    int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (start == s.length()) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    try {
      Long.parseLong(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** In a values context the keywords {@code in} and {@code notin} are identifiers. */
  private Item lookahead(boolean values) {
    return retoken(items.get(position), values);
  }

  private Item consume(boolean values) {
    return retoken(items.get(position++), values);
  }

  private static Item retoken(Item item, boolean values) {
    return values && (item.token() == Token.IN || item.token() == Token.NOT_IN)
        ? new Item(Token.IDENTIFIER, item.literal())
        : item;
  }

  private static SyntaxException syntax(String message) {
    return new SyntaxException(message, false);
  }

  private static SyntaxException requirementError(String message) {
    return new SyntaxException(message, true);
  }
}

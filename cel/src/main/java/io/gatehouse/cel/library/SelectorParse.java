package io.gatehouse.cel.library;

import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.LabelSelectorRequirement;
import java.util.List;

/**
 * The outcome of parsing a field or label selector: its requirements, or (then with no
 * requirements) the parser's error text, as apimachinery returns {@code (nil, err)}.
 *
 * @param requirements the requirements in upstream's order; empty on error
 * <p>Immutable. Public so that the API server parses request selectors for authorization
 * attributes ({@code AuthorizeWithSelectors}) with the same parsers as the CEL library.
 *
 * @param requirements the requirements in upstream's order; empty on error
 * @param error the error text, empty on success
 */
public record SelectorParse<T>(List<T> requirements, String error) {

  /** Copies the requirements. */
  public SelectorParse {
    requirements = List.copyOf(requirements);
  }

  /** Parses a field selector string as apimachinery's {@code fields.ParseSelector}. */
  public static SelectorParse<FieldSelectorRequirement> fieldSelector(String selector) {
    return FieldSelectorParser.parse(selector);
  }

  /** Parses a label selector string as apimachinery's {@code labels.Parse}. */
  public static SelectorParse<LabelSelectorRequirement> labelSelector(String selector) {
    return LabelSelectorParser.parse(selector);
  }

  /** Returns whether parsing failed. */
  public boolean failed() {
    return !error.isEmpty();
  }

  static <T> SelectorParse<T> failed(String error) {
    return new SelectorParse<>(List.of(), error);
  }
}

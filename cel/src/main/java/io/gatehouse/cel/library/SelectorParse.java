package io.gatehouse.cel.library;

import java.util.List;

/**
 * The outcome of parsing a field or label selector: its requirements, or (then with no
 * requirements) the parser's error text, as apimachinery returns {@code (nil, err)}.
 *
 * @param requirements the requirements in upstream's order; empty on error
 * @param error the error text, empty on success
 */
record SelectorParse<T>(List<T> requirements, String error) {

  SelectorParse {
    requirements = List.copyOf(requirements);
  }

  static <T> SelectorParse<T> failed(String error) {
    return new SelectorParse<>(List.of(), error);
  }
}

package io.gatehouse.cel;

import java.util.Map;
import java.util.Optional;

/**
 * Supplies the values of an expression's variables during one evaluation.
 *
 * <p>Values must already be CEL values (see {@link CelValues#fromJson}). Implementations may
 * compute values lazily; they are called from the evaluating thread only.
 */
@FunctionalInterface
public interface Activation {

  /** Returns the value of variable {@code name}, or empty if it is not bound. */
  Optional<Object> resolve(String name);

  /** Returns an activation backed by {@code values}; a missing key is an unbound variable. */
  static Activation of(Map<String, ?> values) {
    return name -> Optional.ofNullable(values.get(name));
  }

  /** Returns an activation that binds nothing. */
  static Activation empty() {
    return name -> Optional.empty();
  }
}

package io.gatehouse.server.crd;

import io.gatehouse.server.schema.FieldError;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code x-kubernetes-validations} rules of one version's schema, evaluated on a custom object
 * (and, for updates, the stored one, for transition rules). Implementations are thread-safe.
 */
@FunctionalInterface
public interface ObjectRules {

  /** No rules. */
  ObjectRules NONE = (object, old, warnings) -> List.of();

  /**
   * Returns the failed rules' errors, in schema order.
   *
   * @param object the new object
   * @param old the stored object for updates, else {@code null}
   * @param warnings receives the failures of unchanged parts of an update (ratcheted: warned
   *     about, not refused)
   */
  List<FieldError> validate(Map<String, @Nullable Object> object,
      @Nullable Map<String, @Nullable Object> old, List<String> warnings);
}

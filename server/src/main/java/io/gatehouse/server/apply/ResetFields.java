package io.gatehouse.server.apply;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The top-level fields an endpoint never lets a manager own (upstream's strategy {@code
 * GetResetFields}): {@code status} through the main resource of a resource with a status
 * subresource, everything but {@code status} through the status subresource. Immutable.
 *
 * @param fields the top-level field names
 * @param allBut whether the reset fields are every top-level field except {@code fields}
 */
public record ResetFields(Set<String> fields, boolean allBut) {

  /** Nothing is reset. */
  public static final ResetFields NONE = new ResetFields(Set.of(), false);

  public ResetFields {
    fields = Set.copyOf(fields);
  }

  /** Returns the reset fields of an endpoint of a resource. */
  public static ResetFields of(boolean hasStatus, String subresource) {
    if (subresource.equals("status")) {
      return new ResetFields(Set.of("status"), true);
    }
    return hasStatus ? new ResetFields(Set.of("status"), false) : NONE;
  }

  /** Returns the reset fields as a set, given the objects involved (for {@link #allBut}). */
  @Nullable FieldSet toSet(@Nullable Object... objects) {
    FieldSet out = FieldSet.empty();
    if (!allBut) {
      fields.forEach(f -> out.insert(FieldPath.of(f)));
    } else {
      for (Object o : objects) {
        if (o instanceof Map<?, ?> m) {
          m.keySet().forEach(k -> {
            if (!fields.contains(String.valueOf(k))) {
              out.insert(FieldPath.of(String.valueOf(k)));
            }
          });
        }
      }
    }
    return out.isEmpty() ? null : out;
  }
}

package io.gatehouse.server.apply;

import io.gatehouse.api.GroupVersionKind;
import java.util.Optional;

/**
 * Where server-side apply finds the {@link SchemaType} of a kind: built-in kinds from {@link
 * BuiltinApplySchema}, custom resources from their CRD's structural schema (another
 * implementation). Implementations are thread-safe.
 */
@FunctionalInterface
public interface ApplySchema {

  /** Returns the type of objects of {@code kind}, or empty when this schema does not know it. */
  Optional<SchemaType> typeOf(GroupVersionKind kind);

  /** Returns a schema asking {@code this} first, then {@code other}. */
  default ApplySchema or(ApplySchema other) {
    return kind -> typeOf(kind).or(() -> other.typeOf(kind));
  }
}

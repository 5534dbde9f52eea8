package io.gatehouse.server;

import io.gatehouse.server.openapi.Definitions;
import io.gatehouse.server.openapi.UnknownFields;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAPI schemas stored resources' objects are checked against for {@code fieldValidation},
 * and whose undeclared fields are dropped:
 * the definition whose {@code x-kubernetes-group-version-kind} is the resource's kind. Resources
 * without a definition have no unknown fields; custom resources are left to their own decoder
 * (which prunes with the structural schema and reports what it pruned). Thread-safe.
 */
final class FieldSchemas {

  /** No schemas: nothing is unknown (tests that do not need schemas). */
  static final FieldSchemas NONE = new FieldSchemas(() -> null);

  private final Supplier<@Nullable Definitions> definitions;

  /** @param definitions the current definitions (they change when resources are published) */
  FieldSchemas(Supplier<@Nullable Definitions> definitions) {
    this.definitions = definitions;
  }

  /** Returns the paths of the fields of {@code object} that {@code r}'s kind does not declare. */
  List<String> unknown(StoredResource r, Map<String, @Nullable Object> object) {
    return fields(r, object, false);
  }

  /**
   * Removes the fields of {@code object} that {@code r}'s kind does not declare — kube-apiserver's
   * typed decoding drops them whatever the {@code fieldValidation} — and returns their paths.
   */
  List<String> removeUnknown(StoredResource r, Map<String, @Nullable Object> object) {
    return fields(r, object, true);
  }

  private List<String> fields(StoredResource r, Map<String, @Nullable Object> object,
      boolean remove) {
    if (r.behavior() instanceof CustomResourceBehavior) {
      return List.of();
    }
    Definitions d = definitions.get();
    if (d == null) {
      return List.of();
    }
    UnknownFields fields = new UnknownFields(d);
    return d.nameOf(r.kind()).map(name -> remove ? fields.remove(name, object)
        : fields.find(name, object))
        .orElse(List.of());
  }
}

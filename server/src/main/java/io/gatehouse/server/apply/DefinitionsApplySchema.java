package io.gatehouse.server.apply;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.server.openapi.Definitions;
import java.util.Optional;

/**
 * The apply schema of the built-in kinds derived from their OpenAPI definitions with {@link
 * OpenApiTypes}, as kube-apiserver derives its type converter: the definition whose {@code
 * x-kubernetes-group-version-kind} names the kind. Kinds without a definition are unknown here.
 * Types are converted on first use and cached. Thread-safe.
 */
public final class DefinitionsApplySchema implements ApplySchema {

  private final Definitions definitions;
  private final OpenApiTypes types;

  public DefinitionsApplySchema(Definitions definitions) {
    this.definitions = definitions;
    this.types = new OpenApiTypes(name -> definitions.schema(name).orElse(null), false);
  }

  @Override
  public Optional<SchemaType> typeOf(GroupVersionKind kind) {
    return definitions.nameOf(kind).map(types::named);
  }

  /** The conversion problems met so far (upstream would refuse to build its converter). */
  public java.util.List<String> errors() {
    return types.errors();
  }
}

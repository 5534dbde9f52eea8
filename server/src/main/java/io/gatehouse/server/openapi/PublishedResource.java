package io.gatehouse.server.openapi;

import io.gatehouse.api.catalog.ApiResource;
import java.util.List;
import java.util.Map;

/**
 * One served resource as OpenAPI publishes it: its paths and operations come from {@code
 * resource} (scope, verbs, and the subresources named in {@code subresources}), the schemas of
 * its objects from {@code kindDefinition}, {@code listDefinition} and the subresources' definitions
 * (names in the built-in data or in {@code definitions}). This is how a resource that is not built in (a custom resource)
 * contributes its schema: it supplies its own {@code definitions}. Immutable.
 *
 * @param resource the resource at one group/version
 * @param kindDefinition the definition name of its objects' schema
 * @param listDefinition the definition name of its lists' schema
 * @param subresources the subresources served, by name (e.g. {@code status}, each of which must
 *     be among {@code resource.subresources()}), with the definition name of the objects they take
 *     and return (the kind's for {@code status}, {@code Scale}'s for {@code scale}); in path order
 * @param patchTypes the {@code Content-Type}s PATCH accepts, in order
 * @param definitions schemas this resource contributes, by definition name (neutral form, see
 *     the package documentation); empty for built-in resources
 */
public record PublishedResource(ApiResource resource, String kindDefinition,
    String listDefinition, Map<String, String> subresources, List<String> patchTypes,
    Map<String, Map<String, Object>> definitions) {

  /** The patch types of built-in resources, as kube-apiserver lists them. */
  public static final List<String> BUILTIN_PATCH_TYPES = List.of("application/apply-patch+yaml",
      "application/json-patch+json", "application/merge-patch+json",
      "application/strategic-merge-patch+json");

  /** The patch types of custom resources (no strategic merge patch). */
  public static final List<String> CUSTOM_PATCH_TYPES = List.of("application/apply-patch+yaml",
      "application/json-patch+json", "application/merge-patch+json");

  /** Copies the collections. */
  public PublishedResource {
    subresources = java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(subresources));
    patchTypes = List.copyOf(patchTypes);
    definitions = Map.copyOf(definitions);
  }
}

package io.gatehouse.server.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The server-side apply type of one version of a custom resource, from the version's structural
 * {@code openAPIV3Schema} as apiextensions-apiserver builds the models of its type converter
 * ({@code buildOpenAPIModelsForApply}: {@code builder.BuildOpenAPIV3} with no stripping, then
 * {@code schemaconv}): the schema with {@code metadata} replaced by a reference to {@code
 * ObjectMeta} and {@code apiVersion} and {@code kind} as strings, the same three properties added
 * to every {@code x-kubernetes-embedded-resource} object below, and {@code {type: object}} (every
 * field deduced) when the version has no schema. Stateless.
 */
public final class CustomResourceTypes {

  static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

  private CustomResourceTypes() {}

  /**
   * Returns the type of objects of a custom resource version.
   *
   * @param openApiV3Schema the version's {@code schema.openAPIV3Schema} as decoded, or null
   * @param types the converter over the built-in definitions ({@code ObjectMeta}), with the CRD's
   *     {@code spec.preserveUnknownFields} as its converter-wide setting
   */
  public static SchemaType of(@Nullable Map<String, Object> openApiV3Schema, OpenApiTypes types) {
    return types.convert(kindSchema(openApiV3Schema));
  }

  /** The kind's definition as the builder publishes it for apply. */
  static Map<String, Object> kindSchema(@Nullable Map<String, Object> openApiV3Schema) {
    if (openApiV3Schema == null) {
      return Map.of("type", "object");
    }
    Map<String, Object> root = withObjectProperties(openApiV3Schema);
    return embedded(root);
  }

  /** {@code schema} with {@code metadata}, {@code apiVersion} and {@code kind} set. */
  private static Map<String, Object> withObjectProperties(Map<String, Object> schema) {
    Map<String, Object> out = new LinkedHashMap<>(schema);
    Map<String, Object> properties = new LinkedHashMap<>(map(schema.get("properties")));
    properties.put("metadata", Map.of("$ref", OBJECT_META));
    properties.put("apiVersion", Map.of("type", "string"));
    properties.put("kind", Map.of("type", "string"));
    out.put("properties", properties);
    return out;
  }

  /** Upstream's {@code addEmbeddedProperties}, on a copy. */
  private static Map<String, Object> embedded(Map<String, Object> schema) {
    Map<String, Object> out = new LinkedHashMap<>(schema);
    if (schema.get("properties") instanceof Map<?, ?> props) {
      Map<String, Object> copy = new LinkedHashMap<>();
      props.forEach((k, v) -> copy.put(String.valueOf(k), embedded(map(v))));
      out.put("properties", copy);
    }
    if (schema.get("items") instanceof Map<?, ?> items) {
      out.put("items", embedded(map(items)));
    }
    if (schema.get("additionalProperties") instanceof Map<?, ?> additional) {
      out.put("additionalProperties", embedded(map(additional)));
    }
    if (Boolean.TRUE.equals(schema.get("x-kubernetes-embedded-resource"))) {
      return withObjectProperties(out);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object v) {
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}

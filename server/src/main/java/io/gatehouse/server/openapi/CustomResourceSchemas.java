package io.gatehouse.server.openapi;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.catalog.ApiResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns one served version of a custom resource into a {@link PublishedResource}, the way
 * apiextensions-apiserver builds its OpenAPI: definitions named after the reversed group ({@code
 * stable.example.com/v1 CronTab} → {@code com.example.stable.v1.CronTab}), the version's {@code
 * openAPIV3Schema} with {@code apiVersion}, {@code kind} and a {@code metadata} reference to
 * {@code ObjectMeta} added, a {@code <Kind>List} definition, {@code x-kubernetes-group-version-kind}
 * on both, and the patch types of custom resources (no strategic merge patch). Stateless.
 */
public final class CustomResourceSchemas {

  private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  private static final String SCALE = "io.k8s.api.autoscaling.v1.Scale";

  private CustomResourceSchemas() {}

  /**
   * Returns the published form of a custom resource version.
   *
   * @param resource the resource at the version
   * @param openApiV3Schema the version's {@code schema.openAPIV3Schema} (decoded JSON), or null
   *     when it has none (then objects are free-form)
   * @param subresources the subresources served ({@code status}, {@code scale})
   */
  public static PublishedResource published(ApiResource resource,
      @Nullable Map<String, Object> openApiV3Schema, List<String> subresources) {
    Map<String, String> subs = new LinkedHashMap<>();
    GroupVersionKind kind = resource.kind();
    String base = definitionPrefix(kind);
    String kindName = base + kind.kind();
    String listName = base + resource.listKind();
    Map<String, Object> object = new LinkedHashMap<>();
    if (openApiV3Schema != null) {
      object.putAll(openApiV3Schema);
    } else {
      object.put("type", "object");
      object.put(Extensions.PRESERVE_UNKNOWN_FIELDS, true);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("apiVersion", Map.of("type", "string", "description",
        "The versioned schema of this representation of an object."));
    properties.put("kind", Map.of("type", "string", "description",
        "The REST resource this object represents."));
    properties.put("metadata", Map.of("$ref", META + "ObjectMeta", "description",
        "Standard object's metadata."));
    if (object.get("properties") instanceof Map<?, ?> declared) {
      declared.forEach((k, v) -> {
        if (!"metadata".equals(k) && !"apiVersion".equals(k) && !"kind".equals(k)) {
          properties.put(String.valueOf(k), v);
        }
      });
    }
    object.put("properties", properties);
    object.put(Extensions.GVK, List.of(V3Writer.gvk(kind)));

    Map<String, Object> list = new LinkedHashMap<>();
    list.put("description", resource.listKind() + " is a list of " + kind.kind());
    list.put("type", "object");
    list.put("required", List.of("items"));
    Map<String, Object> listProperties = new LinkedHashMap<>();
    listProperties.put("apiVersion", properties.get("apiVersion"));
    listProperties.put("items", Map.of("type", "array", "description",
        "List of " + resource.name() + ".", "items", Map.of("$ref", kindName)));
    listProperties.put("kind", properties.get("kind"));
    listProperties.put("metadata", Map.of("$ref", META + "ListMeta", "description",
        "Standard list metadata."));
    list.put("properties", listProperties);
    list.put(Extensions.GVK, List.of(V3Writer.gvk(new GroupVersionKind(kind.group(),
        kind.version(), resource.listKind()))));

    Map<String, Map<String, Object>> definitions = new LinkedHashMap<>();
    definitions.put(kindName, Collections.unmodifiableMap(object));
    definitions.put(listName, Collections.unmodifiableMap(list));
    for (String sub : subresources) {
      subs.put(sub, sub.equals("scale") ? SCALE : kindName);
    }
    return new PublishedResource(resource, kindName, listName, subs,
        PublishedResource.CUSTOM_PATCH_TYPES, definitions);
  }

  /** {@code com.example.stable.v1.} for group {@code stable.example.com}, version {@code v1}. */
  static String definitionPrefix(GroupVersionKind kind) {
    List<String> parts = new ArrayList<>(List.of(kind.group().split("\\.")));
    Collections.reverse(parts);
    return String.join(".", parts) + "." + kind.version() + ".";
  }
}

package io.gatehouse.server;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.catalog.ApiGroup;
import io.gatehouse.api.catalog.ApiGroupVersion;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.server.openapi.Definitions;
import io.gatehouse.server.openapi.OpenApiService;
import io.gatehouse.server.openapi.PublishedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI service of the stored built-in resources: every catalog resource the {@link
 * ResourceTable} serves whose kind and list kind have built-in definitions, with the
 * subresources the server serves: {@code status}, and {@code scale} of the workloads {@link
 * ScaleHandler} scales. Stateless.
 */
final class BuiltinOpenApi {

  private BuiltinOpenApi() {}

  static OpenApiService service(ResourceCatalog catalog, ResourceTable table, String version) {
    Definitions definitions = Definitions.builtin();
    return OpenApiService.create(version, definitions, resources(catalog, table, definitions));
  }

  static List<PublishedResource> resources(ResourceCatalog catalog, ResourceTable table,
      Definitions definitions) {
    List<PublishedResource> out = new ArrayList<>();
    for (ApiGroup g : catalog.groups()) {
      for (ApiGroupVersion v : g.versions()) {
        for (ApiResource r : v.resources()) {
          if (table.resource(r.groupVersionResource()).isEmpty()) {
            continue;
          }
          Optional<String> kind = definitions.nameOf(r.kind());
          Optional<String> list = definitions.nameOf(new GroupVersionKind(r.kind().group(),
              r.kind().version(), r.listKind()));
          if (kind.isEmpty() || list.isEmpty()) {
            continue;
          }
          Map<String, String> subresources = new LinkedHashMap<>();
          if (r.subresource("scale").isPresent() && ScaleHandler.scalable(r.groupResource())) {
            definitions.nameOf(r.subresource("scale").get().kind())
                .ifPresent(scale -> subresources.put("scale", scale));
          }
          if (r.subresource("status").isPresent()) {
            subresources.put("status", kind.get());
          }
          out.add(new PublishedResource(r, kind.get(), list.get(), subresources,
              PublishedResource.BUILTIN_PATCH_TYPES, Map.of()));
        }
      }
    }
    return out;
  }
}

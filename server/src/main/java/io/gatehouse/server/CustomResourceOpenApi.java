package io.gatehouse.server;

import io.gatehouse.api.catalog.ApiGroup;
import io.gatehouse.api.catalog.ApiGroupVersion;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.server.crd.CrdDefinition;
import io.gatehouse.server.openapi.CustomResourceSchemas;
import io.gatehouse.server.openapi.OpenApiService;
import io.gatehouse.server.openapi.PublishedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the OpenAPI documents in step with the served custom resources: every served version of
 * every established CustomResourceDefinition is published (its {@code openAPIV3Schema}, its
 * {@code status} and {@code scale} subresources) under one key, replaced on every catalog change.
 * The OpenAPI service may be attached after changes started to arrive (it loads lazily); it then
 * gets the latest set. Thread-safe.
 */
final class CustomResourceOpenApi {

  private static final String KEY = "customresourcedefinitions";

  private final ResourceTable table;
  private List<PublishedResource> current = List.of();
  private @Nullable OpenApiService service;

  CustomResourceOpenApi(ResourceTable table) {
    this.table = table;
  }

  /** Publishes the custom resources of {@code catalog} (call after the table has them). */
  synchronized void catalogChanged(ResourceCatalog catalog) {
    current = resources(catalog);
    if (service != null) {
      service.publish(KEY, current);
    }
  }

  /** Attaches the service and publishes the current custom resources to it; returns it. */
  synchronized OpenApiService attach(OpenApiService openApi) {
    service = openApi;
    openApi.publish(KEY, current);
    return openApi;
  }

  private List<PublishedResource> resources(ResourceCatalog catalog) {
    List<PublishedResource> out = new ArrayList<>();
    for (ApiGroup g : catalog.groups()) {
      for (ApiGroupVersion v : g.versions()) {
        for (ApiResource r : v.resources()) {
          published(r).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Optional<PublishedResource> published(ApiResource r) {
    Optional<StoredResource> stored = table.resource(r.groupVersionResource());
    if (stored.isEmpty() || !(stored.get().behavior() instanceof CustomResourceBehavior b)) {
      return Optional.empty();
    }
    CrdDefinition.Version version = b.definition().version(r.groupVersion().version());
    if (version == null) {
      return Optional.empty();
    }
    List<String> subresources = new ArrayList<>();
    if (version.subresources() != null && version.subresources().scale() != null) {
      subresources.add("scale");
    }
    if (version.subresources() != null && version.subresources().status()) {
      subresources.add("status");
    }
    Map<String, Object> schema = version.rawSchema() instanceof Map<?, ?> m
        ? (Map<String, Object>) m : null;
    return Optional.of(CustomResourceSchemas.published(r, schema,
        subresources.stream().filter(s -> r.subresource(s).isPresent()).toList()));
  }
}

package io.gatehouse.server;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.catalog.ApiGroup;
import io.gatehouse.api.catalog.ApiGroupVersion;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.api.catalog.Subresource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregated discovery ({@code apidiscovery.k8s.io/v2} {@code APIGroupDiscoveryList}): the core
 * group at {@code /api}, every other group at {@code /apis}, each version with its resources,
 * response kinds, scopes, verbs and subresources, in upstream's key order. Built from the catalog
 * and rebuilt by {@link #update} when custom resources change; thread-safe.
 */
final class AggregatedDiscovery {

  /** The media type clients ask for and the response carries. */
  static final String CONTENT_TYPE =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  private volatile Map<String, Object> core;
  private volatile Map<String, Object> groups;

  AggregatedDiscovery(ResourceCatalog catalog) {
    update(catalog);
  }

  /** Serves {@code catalog} from now on. */
  synchronized void update(ResourceCatalog catalog) {
    List<Object> coreItems = new ArrayList<>();
    List<Object> groupItems = new ArrayList<>();
    for (ApiGroup g : catalog.groups()) {
      (g.name().isEmpty() ? coreItems : groupItems).add(group(g));
    }
    this.core = list(coreItems);
    this.groups = list(groupItems);
  }

  Map<String, Object> core() {
    return core;
  }

  Map<String, Object> groups() {
    return groups;
  }

  private static Map<String, Object> list(List<Object> items) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "APIGroupDiscoveryList");
    m.put("apiVersion", "apidiscovery.k8s.io/v2");
    m.put("metadata", Map.of());
    m.put("items", items);
    return m;
  }

  private static Map<String, Object> group(ApiGroup g) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (!g.name().isEmpty()) {
      metadata.put("name", g.name());
    }
    metadata.put("creationTimestamp", null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("metadata", metadata);
    m.put("versions", g.versions().stream().map(AggregatedDiscovery::version).toList());
    return m;
  }

  private static Map<String, Object> version(ApiGroupVersion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", v.groupVersion().version());
    m.put("resources", v.resources().stream().map(AggregatedDiscovery::resource).toList());
    m.put("freshness", "Current");
    return m;
  }

  private static Map<String, Object> resource(ApiResource r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resource", r.name());
    m.put("responseKind", kind(r.kind()));
    m.put("scope", r.scope().wire());
    m.put("singularResource", r.singularName());
    m.put("verbs", r.verbs());
    if (!r.shortNames().isEmpty()) {
      m.put("shortNames", r.shortNames());
    }
    if (!r.categories().isEmpty()) {
      m.put("categories", r.categories());
    }
    if (!r.subresources().isEmpty()) {
      m.put("subresources", r.subresources().stream().map(AggregatedDiscovery::subresource).toList());
    }
    return m;
  }

  private static Map<String, Object> subresource(Subresource s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("subresource", s.name());
    m.put("responseKind", kind(s.kind()));
    m.put("verbs", s.verbs());
    return m;
  }

  private static Map<String, Object> kind(GroupVersionKind k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("group", k.group());
    m.put("version", k.version());
    m.put("kind", k.kind());
    return m;
  }
}

package io.gatehouse.server;

import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.catalog.ApiGroup;
import io.gatehouse.api.catalog.ApiGroupVersion;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.api.catalog.Subresource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy discovery documents, in upstream's JSON shapes and key order: {@code APIVersions}
 * ({@code /api}), {@code APIGroupList} ({@code /apis}), {@code APIGroup} ({@code /apis/<group>})
 * and {@code APIResourceList} ({@code /api/v1}, {@code /apis/<group>/<version>}), the core ones
 * without {@code apiVersion} as kube-apiserver's legacy codec writes them. Built from the catalog
 * and rebuilt by {@link #update} when custom resources change; thread-safe.
 */
final class Discovery {

  private final Map<String, Object> apiVersions;
  private volatile ResourceCatalog catalog;
  private volatile Map<String, Object> groupList;

  /**
   * @param serverAddress the {@code host:port} clients reach the server at, for {@code
   *     serverAddressByClientCIDRs}
   */
  Discovery(ResourceCatalog catalog, String serverAddress) {
    this.catalog = catalog;
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("kind", "APIVersions");
    versions.put("versions", List.of("v1"));
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("clientCIDR", "0.0.0.0/0");
    address.put("serverAddress", serverAddress);
    versions.put("serverAddressByClientCIDRs", List.of(address));
    this.apiVersions = versions;
    this.groupList = groupList(catalog);
  }

  /** Serves {@code newCatalog} from now on. */
  synchronized void update(ResourceCatalog newCatalog) {
    this.groupList = groupList(newCatalog);
    this.catalog = newCatalog;
  }

  private static Map<String, Object> groupList(ResourceCatalog catalog) {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("kind", "APIGroupList");
    list.put("apiVersion", "v1");
    list.put("groups", catalog.groups().stream().filter(g -> !g.name().isEmpty())
        .map(Discovery::groupBody).toList());
    return list;
  }

  Map<String, Object> apiVersions() {
    return apiVersions;
  }

  Map<String, Object> groupList() {
    return groupList;
  }

  /** Returns the {@code APIGroup} document of a served group other than core. */
  Optional<Map<String, Object>> group(String name) {
    return catalog.groups().stream().filter(g -> !name.isEmpty() && g.name().equals(name))
        .findFirst().map(g -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("kind", "APIGroup");
          m.put("apiVersion", "v1");
          m.putAll(groupBody(g));
          return m;
        });
  }

  /** Returns the {@code APIResourceList} of a served group/version. */
  Optional<Map<String, Object>> resourceList(GroupVersion gv) {
    for (ApiGroup g : catalog.groups()) {
      for (ApiGroupVersion v : g.versions()) {
        if (v.groupVersion().equals(gv)) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("kind", "APIResourceList");
          if (!gv.group().isEmpty()) {
            m.put("apiVersion", "v1");
          }
          m.put("groupVersion", gv.toString());
          List<Object> resources = new ArrayList<>();
          for (ApiResource r : v.resources()) {
            resources.add(resource(r));
            r.subresources().forEach(s -> resources.add(subresource(r, s)));
          }
          m.put("resources", resources);
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  /** Returns whether {@code gv} is served. */
  boolean serves(GroupVersion gv) {
    return catalog.serves(gv);
  }

  private static Map<String, Object> groupBody(ApiGroup g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", g.name());
    m.put("versions", g.versions().stream().map(v -> versionRef(v.groupVersion())).toList());
    m.put("preferredVersion", versionRef(g.preferredVersion().groupVersion()));
    return m;
  }

  private static Map<String, Object> versionRef(GroupVersion gv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("groupVersion", gv.toString());
    m.put("version", gv.version());
    return m;
  }

  private static Map<String, Object> resource(ApiResource r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("singularName", r.singularName());
    m.put("namespaced", r.namespaced());
    m.put("kind", r.kind().kind());
    m.put("verbs", r.verbs());
    if (!r.shortNames().isEmpty()) {
      m.put("shortNames", r.shortNames());
    }
    if (!r.categories().isEmpty()) {
      m.put("categories", r.categories());
    }
    return m;
  }

  private static Map<String, Object> subresource(ApiResource r, Subresource s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name() + "/" + s.name());
    m.put("singularName", "");
    m.put("namespaced", r.namespaced());
    if (!s.kind().groupVersion().equals(r.groupVersion())) {
      m.put("group", s.kind().group());
      m.put("version", s.kind().version());
    }
    m.put("kind", s.kind().kind());
    m.put("verbs", s.verbs());
    return m;
  }
}

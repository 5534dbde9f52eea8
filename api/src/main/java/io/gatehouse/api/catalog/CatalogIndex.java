package io.gatehouse.api.catalog;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The assembled catalog: groups in discovery order, lookup maps and the equivalence registry, built
 * from the built-in data and a list of CRDs.
 *
 * <p>Discovery order follows the aggregator's APIService sort: built-in groups keep the data's
 * order (their group priorities are at least 16000); CRD groups (priority 1000) follow, ordered by
 * their smallest APIService name {@code <version>.<group>}; CRD versions (version priority 100)
 * precede the built-in versions of a group (at most 30) and are ordered kube-aware. Resources
 * within a group/version are ordered by name.
 *
 * <p>Immutable once constructed.
 */
final class CatalogIndex {

  final List<ApiGroup> groups;
  final List<GroupVersion> groupVersions;
  final Set<GroupVersion> servedGroupVersions;
  final Map<GroupVersionResource, ApiResource> byResource = new HashMap<>();
  final Map<GroupVersionKind, ApiResource> byKind = new HashMap<>();
  final Map<GroupResource, Scope> scopes = new HashMap<>();
  final EquivalentResourceRegistry registry = new EquivalentResourceRegistry();

  CatalogIndex(BuiltinData builtin, List<CustomResourceDefinition> crds) {
    Map<String, Map<String, Map<String, ApiResource>>> builtinGroups = new LinkedHashMap<>();
    for (ApiGroup g : builtin.groups()) {
      for (ApiGroupVersion gv : g.versions()) {
        for (ApiResource r : gv.resources()) {
          put(builtinGroups, r);
          String prefix = builtin.storagePrefixes().get(r.groupResource());
          registry.register(r, "storage:" + (prefix != null ? prefix : r.name()));
        }
      }
    }
    Map<String, Map<String, Map<String, ApiResource>>> crdGroups = new LinkedHashMap<>();
    Map<String, Set<String>> claimedNames = new HashMap<>();
    Map<String, Set<String>> claimedKinds = new HashMap<>();
    for (CustomResourceDefinition crd : crds) {
      if (!accept(crd, builtinGroups, crdGroups, claimedNames, claimedKinds)) {
        continue;
      }
      for (CustomResourceDefinition.Version v : crd.versions()) {
        registry.register(v.resource(), "crd:" + crd.groupResource());
        if (v.served()) {
          put(crdGroups, v.resource());
        }
      }
    }
    this.groups = order(builtin, builtinGroups, crdGroups);
    List<GroupVersion> versions = new ArrayList<>();
    for (ApiGroup g : groups) {
      g.versions().forEach(v -> versions.add(v.groupVersion()));
    }
    this.groupVersions = List.copyOf(versions);
    this.servedGroupVersions = Set.copyOf(versions);
    for (ApiGroup g : groups) {
      for (ApiGroupVersion gv : g.versions()) {
        for (ApiResource r : gv.resources()) {
          byResource.put(r.groupVersionResource(), r);
          byKind.putIfAbsent(r.kind(), r);
          scopes.putIfAbsent(r.groupResource(), r.scope());
        }
      }
    }
  }

  /**
   * Accepts {@code crd} unless it claims a name or kind another accepted CRD of its group claims
   * (upstream's naming controller leaves such a CRD unestablished) or a resource already served.
   */
  private static boolean accept(
      CustomResourceDefinition crd,
      Map<String, Map<String, Map<String, ApiResource>>> builtinGroups,
      Map<String, Map<String, Map<String, ApiResource>>> crdGroups,
      Map<String, Set<String>> claimedNames,
      Map<String, Set<String>> claimedKinds) {
    String group = crd.groupResource().group();
    Set<String> names = claimedNames.computeIfAbsent(group, g -> new HashSet<>());
    Set<String> kinds = claimedKinds.computeIfAbsent(group, g -> new HashSet<>());
    if (crd.resourceNames().stream().anyMatch(names::contains)
        || crd.kindNames().stream().anyMatch(kinds::contains)) {
      return false;
    }
    for (CustomResourceDefinition.Version v : crd.versions()) {
      GroupVersionResource gvr = v.resource().groupVersionResource();
      if (contains(builtinGroups, gvr) || contains(crdGroups, gvr)) {
        return false;
      }
    }
    names.addAll(crd.resourceNames());
    kinds.addAll(crd.kindNames());
    return true;
  }

  private static void put(Map<String, Map<String, Map<String, ApiResource>>> groups, ApiResource r) {
    GroupVersion gv = r.groupVersion();
    groups
        .computeIfAbsent(gv.group(), g -> new LinkedHashMap<>())
        .computeIfAbsent(gv.version(), v -> new LinkedHashMap<>())
        .put(r.name(), r);
  }

  private static boolean contains(
      Map<String, Map<String, Map<String, ApiResource>>> groups, GroupVersionResource gvr) {
    return groups
        .getOrDefault(gvr.group(), Map.of())
        .getOrDefault(gvr.version(), Map.of())
        .containsKey(gvr.resource());
  }

  private static List<ApiGroup> order(
      BuiltinData builtin,
      Map<String, Map<String, Map<String, ApiResource>>> builtinGroups,
      Map<String, Map<String, Map<String, ApiResource>>> crdGroups) {
    List<ApiGroup> out = new ArrayList<>();
    for (ApiGroup g : builtin.groups()) {
      Map<String, Map<String, ApiResource>> extra = crdGroups.getOrDefault(g.name(), Map.of());
      List<ApiGroupVersion> versions = new ArrayList<>();
      for (String v : sortedVersions(extra.keySet())) {
        if (!builtinGroups.get(g.name()).containsKey(v)) {
          versions.add(version(g.name(), v, extra.get(v), Map.of()));
        }
      }
      for (ApiGroupVersion gv : g.versions()) {
        String v = gv.groupVersion().version();
        versions.add(version(g.name(), v, builtinGroups.get(g.name()).get(v), extra.getOrDefault(v, Map.of())));
      }
      out.add(new ApiGroup(g.name(), versions));
    }
    List<String> crdOnly = new ArrayList<>();
    for (String group : crdGroups.keySet()) {
      if (!builtinGroups.containsKey(group)) {
        crdOnly.add(group);
      }
    }
    crdOnly.sort(Comparator.comparing(group -> firstApiServiceName(group, crdGroups.get(group).keySet())));
    for (String group : crdOnly) {
      List<ApiGroupVersion> versions = new ArrayList<>();
      for (String v : sortedVersions(crdGroups.get(group).keySet())) {
        versions.add(version(group, v, crdGroups.get(group).get(v), Map.of()));
      }
      out.add(new ApiGroup(group, versions));
    }
    return List.copyOf(out);
  }

  private static ApiGroupVersion version(
      String group, String version, Map<String, ApiResource> first, Map<String, ApiResource> more) {
    TreeMap<String, ApiResource> byName = new TreeMap<>(first);
    byName.putAll(more);
    return new ApiGroupVersion(new GroupVersion(group, version), List.copyOf(byName.values()));
  }

  private static List<String> sortedVersions(Set<String> versions) {
    List<String> sorted = new ArrayList<>(versions);
    sorted.sort(KubeAwareVersions.PRIORITY_ORDER);
    return sorted;
  }

  private static String firstApiServiceName(String group, Set<String> versions) {
    return versions.stream().map(v -> v + "." + group).min(Comparator.naturalOrder()).orElseThrow();
  }
}

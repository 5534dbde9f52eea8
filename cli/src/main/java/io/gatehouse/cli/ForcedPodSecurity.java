package io.gatehouse.cli;

import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.podsecurity.LevelVersion;
import io.gatehouse.admission.podsecurity.PodSecurityKeys;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.catalog.ResourceCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --pod-security LEVEL[:VERSION]}: the cluster as Pod Security sees it when every namespace
 * carries the enforce, audit and warn labels at that level and version ("what if I labelled the
 * namespace restricted?"). Everything else is the underlying cluster.
 */
final class ForcedPodSecurity implements ClusterState {

  private final ClusterState cluster;
  private final LevelVersion levelVersion;

  ForcedPodSecurity(ClusterState cluster, LevelVersion levelVersion) {
    this.cluster = cluster;
    this.levelVersion = levelVersion;
  }

  @Override
  public ResourceCatalog catalog() {
    return cluster.catalog();
  }

  @Override
  public Optional<Unstructured> namespace(String name) {
    Unstructured ns = cluster.namespace(name).map(Unstructured::deepCopy).orElseGet(
        () -> ManifestClusterState.implicitNamespace(name));
    Map<String, Object> labels = new LinkedHashMap<>(ns.labels());
    String level = levelVersion.level().wire();
    String version = levelVersion.version().toString();
    for (String mode : List.of("enforce", "audit", "warn")) {
      labels.put(PodSecurityKeys.PREFIX + mode, level);
      labels.put(PodSecurityKeys.PREFIX + mode + "-version", version);
    }
    ns.metadataForWrite().put("labels", labels);
    return Optional.of(ns);
  }

  @Override
  public List<Unstructured> list(GroupVersionKind kind, String namespace, boolean allNamespaces) {
    return cluster.list(kind, namespace, allNamespaces);
  }

  @Override
  public Optional<Unstructured> get(GroupVersionKind kind, String namespace, String name) {
    return cluster.get(kind, namespace, name);
  }
}

package io.gatehouse.auth.node;

import io.gatehouse.api.Unstructured;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The secrets, configmaps, PVCs and resource claims a pod refers to, as upstream's {@code
 * podutil.VisitPodSecretNames}/{@code VisitPodConfigmapNames} and the graph populator find them.
 *
 * @param secrets secret names
 * @param configMaps configmap names
 * @param claims PVC names
 * @param resourceClaims ResourceClaim names
 */
record PodReferences(
    Set<String> secrets, Set<String> configMaps, Set<String> claims, Set<String> resourceClaims) {

  static PodReferences of(Unstructured pod) {
    PodReferences r = new PodReferences(
        new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    Map<?, ?> spec = map(pod.object().get("spec"));
    for (Object s : list(spec.get("imagePullSecrets"))) {
      add(r.secrets, map(s).get("name"));
    }
    for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
      for (Object c : list(spec.get(field))) {
        r.container(map(c));
      }
    }
    for (Object v : list(spec.get("volumes"))) {
      r.volume(pod.name(), map(v));
    }
    for (Object s : list(map(pod.object().get("status")).get("resourceClaimStatuses"))) {
      add(r.resourceClaims, map(s).get("resourceClaimName"));
    }
    return r;
  }

  private void container(Map<?, ?> c) {
    for (Object e : list(c.get("envFrom"))) {
      add(secrets, map(map(e).get("secretRef")).get("name"));
      add(configMaps, map(map(e).get("configMapRef")).get("name"));
    }
    for (Object e : list(c.get("env"))) {
      Map<?, ?> from = map(map(e).get("valueFrom"));
      add(secrets, map(from.get("secretKeyRef")).get("name"));
      add(configMaps, map(from.get("configMapKeyRef")).get("name"));
    }
  }

  private void volume(String podName, Map<?, ?> v) {
    add(secrets, map(v.get("secret")).get("secretName"));
    add(configMaps, map(v.get("configMap")).get("name"));
    add(claims, map(v.get("persistentVolumeClaim")).get("claimName"));
    if (v.get("ephemeral") instanceof Map<?, ?> && v.get("name") instanceof String name) {
      claims.add(podName + "-" + name);
    }
    for (Object source : list(map(v.get("projected")).get("sources"))) {
      add(secrets, map(map(source).get("secret")).get("name"));
      add(configMaps, map(map(source).get("configMap")).get("name"));
    }
    for (String driver : List.of("azureFile", "cephfs", "cinder", "flexVolume", "iscsi", "rbd",
        "scaleIO", "storageos", "csi")) {
      Map<?, ?> d = map(v.get(driver));
      add(secrets, d.get("secretName"));
      add(secrets, map(d.get("secretRef")).get("name"));
      add(secrets, map(d.get("nodePublishSecretRef")).get("name"));
    }
  }

  private static void add(Set<String> names, @Nullable Object name) {
    if (name instanceof String s && !s.isEmpty()) {
      names.add(s);
    }
  }

  private static Map<?, ?> map(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(@Nullable Object o) {
    return o instanceof List<?> l ? l : List.of();
  }
}

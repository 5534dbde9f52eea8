package io.gatehouse.admission.pod;

import io.gatehouse.api.Unstructured;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Secrets a pod names, as upstream's {@code VisitPodSecretNames}: image pull secrets, secret
 * references in the env and envFrom of (init, ephemeral) containers, and the secret fields of
 * volumes (secret, projected secret, azureFile, cephfs, cinder, flexVolume, rbd, scaleIO, iscsi,
 * storageos, csi), each name once, in that order; empty names are skipped. Stateless.
 */
public final class PodSecretNames {

  private PodSecretNames() {}

  /** Returns the names {@code pod} refers to. */
  public static Set<String> of(Unstructured pod) {
    Set<String> names = new LinkedHashSet<>();
    for (Map<?, ?> ref : maps(pod.get("spec", "imagePullSecrets").orElse(null))) {
      add(names, ref.get("name"));
    }
    for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
      for (Map<?, ?> c : maps(pod.get("spec", field).orElse(null))) {
        for (Map<?, ?> from : maps(c.get("envFrom"))) {
          add(names, at(from, "secretRef", "name"));
        }
        for (Map<?, ?> env : maps(c.get("env"))) {
          add(names, at(env, "valueFrom", "secretKeyRef", "name"));
        }
      }
    }
    for (Map<?, ?> v : maps(pod.get("spec", "volumes").orElse(null))) {
      add(names, at(v, "secret", "secretName"));
      add(names, at(v, "azureFile", "secretName"));
      for (String kind : List.of("cephfs", "cinder", "flexVolume", "rbd", "scaleIO", "iscsi",
          "storageos")) {
        add(names, at(v, kind, "secretRef", "name"));
      }
      add(names, at(v, "csi", "nodePublishSecretRef", "name"));
      if (at(v, "projected", "sources") instanceof List<?> sources) {
        for (Map<?, ?> s : maps(sources)) {
          add(names, at(s, "secret", "name"));
        }
      }
    }
    return names;
  }

  private static Object at(Map<?, ?> m, String... path) {
    Object cur = m;
    for (String p : path) {
      if (!(cur instanceof Map<?, ?> map)) {
        return null;
      }
      cur = map.get(p);
    }
    return cur;
  }

  private static List<Map<?, ?>> maps(Object list) {
    if (!(list instanceof List<?> l)) {
      return List.of();
    }
    return l.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
  }

  private static void add(Set<String> names, Object name) {
    if (name instanceof String s && !s.isEmpty()) {
      names.add(s);
    }
  }
}

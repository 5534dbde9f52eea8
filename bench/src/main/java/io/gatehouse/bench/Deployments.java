package io.gatehouse.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A realistic Deployment as a JSON map tree, for benchmarks. */
final class Deployments {

  private Deployments() {}

  static Map<String, Object> deployment(String name, long replicas) {
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", "web");
    container.put("image", "registry.example.com/team/web:1.4.2");
    container.put("ports", List.of(Map.of("containerPort", 8080L, "protocol", "TCP")));
    container.put("resources", Map.of(
        "requests", Map.of("cpu", "250m", "memory", "256Mi"),
        "limits", Map.of("cpu", "1", "memory", "512Mi")));
    container.put("securityContext", Map.of(
        "allowPrivilegeEscalation", false,
        "runAsNonRoot", true,
        "capabilities", Map.of("drop", List.of("ALL"))));
    Map<String, Object> sidecar = new LinkedHashMap<>(container);
    sidecar.put("name", "proxy");
    sidecar.put("image", "registry.example.com/mesh/proxy:2.1.0");
    Map<String, Object> podSpec = new LinkedHashMap<>();
    podSpec.put("serviceAccountName", "web");
    podSpec.put("containers", List.of(container, sidecar));
    podSpec.put("securityContext", Map.of("seccompProfile", Map.of("type", "RuntimeDefault")));
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("app", name);
    labels.put("owner", "team-web");
    labels.put("app.kubernetes.io/name", name);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", "payments");
    metadata.put("labels", labels);
    metadata.put("annotations", Map.of("deployment.kubernetes.io/revision", "3"));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("replicas", replicas);
    spec.put("selector", Map.of("matchLabels", Map.of("app", name)));
    spec.put("template", Map.of("metadata", Map.of("labels", Map.of("app", name)), "spec", podSpec));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("apiVersion", "apps/v1");
    d.put("kind", "Deployment");
    d.put("metadata", metadata);
    d.put("spec", spec);
    return d;
  }
}

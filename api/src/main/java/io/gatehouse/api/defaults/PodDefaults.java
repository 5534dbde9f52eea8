package io.gatehouse.api.defaults;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The core/v1 defaults of pods and pod templates: {@code SetDefaults_Pod} (requests from limits,
 * service links, host-network ports), {@code SetDefaults_PodSpec}, {@code SetDefaults_Container}
 * and {@code SetDefaults_EphemeralContainer}, {@code SetDefaults_Probe}, {@code
 * SetDefaults_HTTPGetAction}, {@code SetDefaults_ObjectFieldSelector}, the {@code +default}
 * markers of container ports ({@code TCP}) and gRPC probes ({@code service: ""}), and the resource
 * lists and volumes inside, in the order defaulter-gen calls them. A pod template (in
 * Deployments, Jobs, PodTemplates…) gets everything but {@code SetDefaults_Pod}. Stateless.
 */
final class PodDefaults {

  private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe",
      "startupProbe");

  private PodDefaults() {}

  /** {@code SetObjectDefaults_Pod}. */
  static void pod(Map<String, @Nullable Object> pod, Set<Feature> features) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(pod, "spec");
    if (spec == null) {
      return;
    }
    for (String list : List.of("containers", "initContainers")) {
      for (Map<String, @Nullable Object> c : Fields.maps(spec, list)) {
        requestsFromLimits(c);
      }
    }
    Fields.setIfUnset(spec, "enableServiceLinks", true);
    if (Boolean.TRUE.equals(spec.get("hostNetwork"))) {
      for (String list : List.of("containers", "initContainers")) {
        for (Map<String, @Nullable Object> c : Fields.maps(spec, list)) {
          for (Map<String, @Nullable Object> port : Fields.maps(c, "ports")) {
            if (Fields.zero(port, "hostPort") && !Fields.zero(port, "containerPort")) {
              port.put("hostPort", port.get("containerPort"));
            }
          }
        }
      }
    }
    podSpec(spec, features);
  }

  /** The defaults of a {@code PodTemplateSpec} ({@code template} of workloads). */
  static void template(@Nullable Map<String, @Nullable Object> template, Set<Feature> features) {
    if (template == null) {
      return;
    }
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(template, "spec");
    if (spec != null) {
      podSpec(spec, features);
    }
  }

  /** {@code SetDefaults_PodSpec} and everything generated beneath a PodSpec. */
  static void podSpec(Map<String, @Nullable Object> spec, Set<Feature> features) {
    Fields.setIfBlank(spec, "dnsPolicy", "ClusterFirst");
    Fields.setIfBlank(spec, "restartPolicy", "Always");
    Fields.setIfUnset(spec, "securityContext", Fields.object());
    Fields.setIfUnset(spec, "terminationGracePeriodSeconds", 30L);
    Fields.setIfBlank(spec, "schedulerName", "default-scheduler");
    deprecatedServiceAccount(spec);
    for (Map<String, @Nullable Object> v : Fields.maps(spec, "volumes")) {
      VolumeDefaults.volume(v, features);
    }
    for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
      for (Map<String, @Nullable Object> c : Fields.maps(spec, list)) {
        container(c);
      }
    }
    ResourceLists.round(spec, "overhead");
    Map<String, @Nullable Object> podResources = Fields.map(spec, "resources");
    ResourceLists.round(podResources, "limits");
    ResourceLists.round(podResources, "requests");
  }

  /**
   * The v1 conversion of the deprecated {@code serviceAccount} (not a default, but applied with
   * them on every decode and encode): decoding takes it as {@code serviceAccountName} when that is
   * empty, encoding writes it equal to {@code serviceAccountName}, so a served PodSpec shows both.
   */
  private static void deprecatedServiceAccount(Map<String, @Nullable Object> spec) {
    String name = Fields.string(spec, "serviceAccountName");
    if (name.isEmpty()) {
      name = Fields.string(spec, "serviceAccount");
    }
    if (name.isEmpty()) {
      spec.remove("serviceAccount");
      return;
    }
    spec.put("serviceAccountName", name);
    spec.put("serviceAccount", name);
  }

  /** {@code SetDefaults_Container} and the generated defaults beneath a container. */
  static void container(Map<String, @Nullable Object> c) {
    if (Fields.blank(c, "imagePullPolicy")) {
      c.put("imagePullPolicy", ImageReference.defaultPullPolicy(Fields.string(c, "image")));
    }
    Fields.setIfBlank(c, "terminationMessagePath", "/dev/termination-log");
    Fields.setIfBlank(c, "terminationMessagePolicy", "File");
    for (Map<String, @Nullable Object> port : Fields.maps(c, "ports")) {
      Fields.setIfBlank(port, "protocol", "TCP");
    }
    for (Map<String, @Nullable Object> env : Fields.maps(c, "env")) {
      Map<String, @Nullable Object> from = Fields.map(env, "valueFrom");
      if (from != null) {
        fieldRef(Fields.map(from, "fieldRef"));
      }
    }
    Map<String, @Nullable Object> resources = Fields.map(c, "resources");
    ResourceLists.round(resources, "limits");
    ResourceLists.round(resources, "requests");
    for (String name : PROBES) {
      Map<String, @Nullable Object> probe = Fields.map(c, name);
      if (probe != null) {
        probe(probe);
      }
    }
    Map<String, @Nullable Object> lifecycle = Fields.map(c, "lifecycle");
    if (lifecycle != null) {
      for (String hook : List.of("postStart", "preStop")) {
        Map<String, @Nullable Object> handler = Fields.map(lifecycle, hook);
        if (handler != null) {
          httpGet(Fields.map(handler, "httpGet"));
        }
      }
    }
  }

  /** {@code SetDefaults_ObjectFieldSelector}. */
  static void fieldRef(@Nullable Map<String, @Nullable Object> selector) {
    if (selector != null) {
      Fields.setIfBlank(selector, "apiVersion", "v1");
    }
  }

  private static void probe(Map<String, @Nullable Object> probe) {
    Fields.setIfZero(probe, "timeoutSeconds", 1);
    Fields.setIfZero(probe, "periodSeconds", 10);
    Fields.setIfZero(probe, "successThreshold", 1);
    Fields.setIfZero(probe, "failureThreshold", 3);
    httpGet(Fields.map(probe, "httpGet"));
    Map<String, @Nullable Object> grpc = Fields.map(probe, "grpc");
    if (grpc != null) {
      Fields.setIfUnset(grpc, "service", "");
    }
  }

  private static void httpGet(@Nullable Map<String, @Nullable Object> action) {
    if (action != null) {
      Fields.setIfBlank(action, "path", "/");
      Fields.setIfBlank(action, "scheme", "HTTP");
    }
  }

  /** A container's requests default to its limits, resource by resource (pods only). */
  private static void requestsFromLimits(Map<String, @Nullable Object> c) {
    Map<String, @Nullable Object> resources = Fields.map(c, "resources");
    Map<String, @Nullable Object> limits = resources == null ? null : Fields.map(resources, "limits");
    if (limits == null || limits.isEmpty()) {
      return;
    }
    Map<String, @Nullable Object> requests = Fields.mapOrCreate(resources, "requests");
    if (requests == null) {
      return;
    }
    for (Map.Entry<String, @Nullable Object> e : limits.entrySet()) {
      if (!requests.containsKey(e.getKey())) {
        requests.put(e.getKey(), e.getValue());
      }
    }
  }
}

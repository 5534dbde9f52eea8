package io.gatehouse.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EquivalentResourcesTest {

  private record Case(String name, GroupVersionResource gvr, String subresource, List<GroupVersionResource> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static GroupVersionResource gvr(String group, String version, String resource) {
    return new GroupVersionResource(group, version, resource);
  }

  private static Case equivalents(String name, GroupVersionResource gvr, String sub, GroupVersionResource... expected) {
    return new Case(name, gvr, sub, Arrays.asList(expected));
  }

  static Stream<Case> cases() {
    GroupVersionResource hpa2 = gvr("autoscaling", "v2", "horizontalpodautoscalers");
    GroupVersionResource hpa1 = gvr("autoscaling", "v1", "horizontalpodautoscalers");
    GroupVersionResource events = gvr("", "v1", "events");
    GroupVersionResource newEvents = gvr("events.k8s.io", "v1", "events");
    String ar = "admissionregistration.k8s.io";
    GroupVersionResource vap1 = gvr(ar, "v1", "validatingadmissionpolicies");
    GroupVersionResource vapBeta = gvr(ar, "v1beta1", "validatingadmissionpolicies");
    GroupVersionResource vapAlpha = gvr(ar, "v1alpha1", "validatingadmissionpolicies");
    GroupVersionResource deployments = gvr("apps", "v1", "deployments");
    return Stream.of(
        equivalents("hpa v1 -> v2, v1", hpa1, "", hpa2, hpa1),
        equivalents("hpa v2 -> v2, v1", hpa2, "", hpa2, hpa1),
        equivalents("hpa v1 status -> v2, v1", hpa1, "status", hpa2, hpa1),
        equivalents("core events -> core, events.k8s.io", events, "", events, newEvents),
        equivalents("events.k8s.io events -> core, events.k8s.io", newEvents, "", events, newEvents),
        equivalents("vap v1alpha1 -> v1, v1beta1, v1alpha1", vapAlpha, "", vap1, vapBeta, vapAlpha),
        equivalents("vap v1 status -> v1, v1beta1, v1alpha1", vap1, "status", vap1, vapBeta, vapAlpha),
        equivalents("vap bindings v1beta1", gvr(ar, "v1beta1", "validatingadmissionpolicybindings"), "",
            gvr(ar, "v1", "validatingadmissionpolicybindings"), gvr(ar, "v1beta1", "validatingadmissionpolicybindings"),
            gvr(ar, "v1alpha1", "validatingadmissionpolicybindings")),
        equivalents("deployments scale", deployments, "scale", deployments),
        equivalents("replicationcontrollers scale", gvr("", "v1", "replicationcontrollers"), "scale",
            gvr("", "v1", "replicationcontrollers")),
        equivalents("pods alone", gvr("", "v1", "pods"), "", gvr("", "v1", "pods")),
        equivalents("events have no status", events, "status"),
        equivalents("unknown resource", gvr("example.com", "v1", "widgets"), ""),
        equivalents("unknown version of a known resource", gvr("apps", "v1beta1", "deployments"), "scale", deployments));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void equivalentResources_builtin_followsStorageSharing(Case c) {
    assertThat(ResourceCatalog.builtin().equivalentResources(c.gvr(), c.subresource()))
        .containsExactlyElementsOf(c.expected());
  }

  private record KindCase(String name, GroupVersionResource gvr, String subresource, GroupVersionKind expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<KindCase> kinds() {
    return Stream.of(
        new KindCase("deployments scale", gvr("apps", "v1", "deployments"), "scale",
            new GroupVersionKind("autoscaling", "v1", "Scale")),
        new KindCase("statefulsets", gvr("apps", "v1", "statefulsets"), "",
            new GroupVersionKind("apps", "v1", "StatefulSet")),
        new KindCase("pods status", gvr("", "v1", "pods"), "status", new GroupVersionKind("", "v1", "Pod")),
        new KindCase("pods eviction", gvr("", "v1", "pods"), "eviction", new GroupVersionKind("policy", "v1", "Eviction")),
        new KindCase("pods exec", gvr("", "v1", "pods"), "exec", new GroupVersionKind("", "v1", "PodExecOptions")),
        new KindCase("serviceaccounts token", gvr("", "v1", "serviceaccounts"), "token",
            new GroupVersionKind("authentication.k8s.io", "v1", "TokenRequest")),
        new KindCase("events.k8s.io events", gvr("events.k8s.io", "v1", "events"), "",
            new GroupVersionKind("events.k8s.io", "v1", "Event")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void kindFor_resourceAndSubresource_returnsRegisteredKind(KindCase c) {
    assertThat(ResourceCatalog.builtin().kindFor(c.gvr(), c.subresource())).contains(c.expected());
  }
}

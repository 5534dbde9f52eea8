package io.gatehouse.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GroupVersionResource;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResolveTest {

  private record Case(String arg, Optional<GroupVersionResource> expected) {
    @Override
    public String toString() {
      return arg + " -> " + expected.map(GroupVersionResource::toString).orElse("none");
    }
  }

  private static Case resolves(String arg, String group, String version, String resource) {
    return new Case(arg, Optional.of(new GroupVersionResource(group, version, resource)));
  }

  private static Case unresolved(String arg) {
    return new Case(arg, Optional.empty());
  }

  static Stream<Case> args() {
    return Stream.of(
        resolves("pods", "", "v1", "pods"),
        resolves("pod", "", "v1", "pods"),
        resolves("po", "", "v1", "pods"),
        resolves("PODS", "", "v1", "pods"),
        resolves("deploy", "apps", "v1", "deployments"),
        resolves("deployments.apps", "apps", "v1", "deployments"),
        resolves("deployment.apps", "apps", "v1", "deployments"),
        resolves("deploy.apps", "apps", "v1", "deployments"),
        resolves("deployments.v1.apps", "apps", "v1", "deployments"),
        resolves("deploy.v1.apps", "apps", "v1", "deployments"),
        resolves("events", "", "v1", "events"),
        resolves("ev", "", "v1", "events"),
        resolves("events.events.k8s.io", "events.k8s.io", "v1", "events"),
        resolves("events.v1.events.k8s.io", "events.k8s.io", "v1", "events"),
        resolves("hpa", "autoscaling", "v2", "horizontalpodautoscalers"),
        resolves("horizontalpodautoscalers.v1.autoscaling", "autoscaling", "v1", "horizontalpodautoscalers"),
        resolves("hpa.autoscal", "autoscaling", "v2", "horizontalpodautoscalers"),
        resolves("storageclasses.storage.k8s.io", "storage.k8s.io", "v1", "storageclasses"),
        resolves("storageclass.storage", "storage.k8s.io", "v1", "storageclasses"),
        resolves("sc", "storage.k8s.io", "v1", "storageclasses"),
        resolves("crd", "apiextensions.k8s.io", "v1", "customresourcedefinitions"),
        resolves("crds", "apiextensions.k8s.io", "v1", "customresourcedefinitions"),
        resolves("netpol", "networking.k8s.io", "v1", "networkpolicies"),
        resolves("validatingadmissionpolicies", "admissionregistration.k8s.io", "v1", "validatingadmissionpolicies"),
        resolves("validatingadmissionpolicies.v1beta1.admissionregistration.k8s.io",
            "admissionregistration.k8s.io", "v1beta1", "validatingadmissionpolicies"),
        resolves("selfsubjectaccessreviews", "authorization.k8s.io", "v1", "selfsubjectaccessreviews"),
        resolves("endpoints", "", "v1", "endpoints"),
        resolves("pods.v1.", "", "v1", "pods"),
        unresolved("pods..v1"),
        unresolved("deployments.v1beta1.apps"),
        unresolved("deployments.extensions"),
        unresolved("po.apps"),
        unresolved("pods/log"),
        unresolved("widgets"),
        unresolved(""),
        unresolved("podlists"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("args")
  void resolve_kubectlArgument_resolvesAsCanI(Case c) {
    assertThat(ResourceCatalog.builtin().resolve(c.arg()).map(ApiResource::groupVersionResource))
        .isEqualTo(c.expected());
  }
}

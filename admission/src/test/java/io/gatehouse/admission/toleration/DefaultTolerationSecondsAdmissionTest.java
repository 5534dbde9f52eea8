package io.gatehouse.admission.toleration;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.Manifests;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.Requests;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultTolerationSecondsAdmissionTest {

  private static final GroupVersionResource PODS = new GroupVersionResource("", "v1", "pods");
  private static final String NOT_READY = "{key: node.kubernetes.io/not-ready, operator: Exists, "
      + "effect: NoExecute, tolerationSeconds: 300}";
  private static final String UNREACHABLE = "{key: node.kubernetes.io/unreachable, operator: "
      + "Exists, effect: NoExecute, tolerationSeconds: 300}";

  private static Unstructured pod(String tolerations) {
    return Manifests.one("apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: ns}\n"
        + "spec: {containers: [{name: a, image: x}]"
        + (tolerations.isEmpty() ? "" : ", tolerations: [" + tolerations + "]") + "}\n");
  }

  private record Case(String name, String given, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("none: both added", "", NOT_READY + ", " + UNREACHABLE),
        new Case("not-ready tolerated", "{key: node.kubernetes.io/not-ready, operator: Exists, "
            + "effect: NoExecute, tolerationSeconds: 10}", "{key: node.kubernetes.io/not-ready, "
            + "operator: Exists, effect: NoExecute, tolerationSeconds: 10}, " + UNREACHABLE),
        new Case("unreachable with any effect", "{key: node.kubernetes.io/unreachable, "
            + "operator: Exists}", "{key: node.kubernetes.io/unreachable, operator: Exists}, "
            + NOT_READY),
        new Case("empty key tolerates both", "{operator: Exists, effect: NoExecute}",
            "{operator: Exists, effect: NoExecute}"),
        new Case("NoSchedule does not count", "{operator: Exists, effect: NoSchedule}",
            "{operator: Exists, effect: NoSchedule}, " + NOT_READY + ", " + UNREACHABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void admit_podCreate_addsMissingTolerations(Case c) {
    Unstructured pod = pod(c.given());

    DefaultTolerationSecondsAdmission.create(300, 300)
        .admit(Requests.create(pod, PODS, Operation.CREATE, null));

    assertThat(pod).isEqualTo(pod(c.expected()));
  }

  @Test
  void admit_flagsAndUpdate_useConfiguredSeconds() {
    Unstructured pod = pod("");

    DefaultTolerationSecondsAdmission.create(30, 60)
        .admit(Requests.create(pod, PODS, Operation.UPDATE, pod("")));

    assertThat(pod).isEqualTo(pod(NOT_READY.replace("300", "30") + ", "
        + UNREACHABLE.replace("300", "60")));
  }

  @Test
  void admit_subresource_changesNothing() {
    Unstructured pod = pod("");
    AdmissionAttributes status = new AdmissionAttributes(pod, pod, pod.groupVersionKind(), PODS,
        "status", "ns", "web", Operation.UPDATE, null, false, UserInfo.of("alice"));

    DefaultTolerationSecondsAdmission.create(300, 300).admit(status);

    assertThat(pod).isEqualTo(pod(""));
  }
}

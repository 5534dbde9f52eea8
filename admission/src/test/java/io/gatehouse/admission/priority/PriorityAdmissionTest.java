package io.gatehouse.admission.priority;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.FakeCluster;
import io.gatehouse.admission.Manifests;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.Requests;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PriorityAdmissionTest {

  private static final GroupVersionResource PODS = new GroupVersionResource("", "v1", "pods");
  private static final GroupVersionResource CLASSES =
      new GroupVersionResource("scheduling.k8s.io", "v1", "priorityclasses");
  private static final String CLASS = """
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata: {name: %s}
      value: %d
      globalDefault: %s
      preemptionPolicy: %s
      """;

  private static Unstructured priorityClass(String name, long value, boolean globalDefault,
      String preemption) {
    return Manifests.one(CLASS.formatted(name, value, globalDefault, preemption));
  }

  private static FakeCluster classes(Unstructured... extra) {
    FakeCluster cluster = FakeCluster.create()
        .add(SystemPriorityClasses.objects().stream().map(pc -> {
          Unstructured copy = pc.deepCopy();
          copy.object().put("preemptionPolicy", "PreemptLowerPriority");
          return copy;
        }).toArray(Unstructured[]::new))
        .add(priorityClass("batch", 1000, false, "Never"));
    return cluster.add(extra);
  }

  private static Unstructured pod(String spec) {
    return Manifests.one("apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: ns}\n"
        + "spec: {containers: [{name: a, image: x}]" + spec + "}\n");
  }

  private static Status forbidden(String resource, String group, String name, String reason) {
    String qualified = group.isEmpty() ? resource : resource + "." + group;
    return new Status(qualified + " \"" + name + "\" is forbidden: " + reason,
        StatusReason.FORBIDDEN, new Status.Details(name, group, resource, List.of()), 403);
  }

  private record Case(String name, FakeCluster cluster, String spec, @Nullable String expected,
      @Nullable String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> podCases() {
    return Stream.of(
        new Case("no class, no default: 0 and PreemptLowerPriority", classes(), "",
            ", priority: 0, preemptionPolicy: PreemptLowerPriority", null),
        new Case("no class: the global default's name, value and policy",
            classes(priorityClass("high", 5000, true, "Never"),
                priorityClass("low", 10, true, "PreemptLowerPriority")), "",
            ", priorityClassName: low, priority: 10, preemptionPolicy: PreemptLowerPriority",
            null),
        new Case("system class resolves", classes(), ", priorityClassName: system-node-critical",
            ", priorityClassName: system-node-critical, priority: 2000001000, "
                + "preemptionPolicy: PreemptLowerPriority", null),
        new Case("user class resolves with its policy", classes(), ", priorityClassName: batch",
            ", priorityClassName: batch, priority: 1000, preemptionPolicy: Never", null),
        new Case("matching priority given", classes(),
            ", priorityClassName: batch, priority: 1000",
            ", priorityClassName: batch, priority: 1000, preemptionPolicy: Never", null),
        new Case("unknown class", classes(), ", priorityClassName: gold", null,
            "no PriorityClass with name gold was found"),
        new Case("other priority given", classes(), ", priorityClassName: batch, priority: 7",
            null, "the integer value of priority (7) must not be provided in pod spec; priority "
                + "admission controller computed 1000 from the given PriorityClass name"),
        new Case("other policy given", classes(),
            ", priorityClassName: batch, preemptionPolicy: PreemptLowerPriority", null,
            "the string value of PreemptionPolicy (PreemptLowerPriority) must not be provided in "
                + "pod spec; priority admission controller computed Never from the given "
                + "PriorityClass name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("podCases")
  void admit_podCreate_resolvesPriority(Case c) {
    Unstructured pod = pod(c.spec());

    AdmissionResult result = PriorityAdmission.create(c.cluster())
        .admit(Requests.create(pod, PODS, Operation.CREATE, null));

    if (c.reason() != null) {
      assertThat(result.status()).isEqualTo(forbidden("pods", "", "web", c.reason()));
    } else {
      assertThat(result).isEqualTo(AdmissionResult.ALLOWED);
      assertThat(pod).isEqualTo(pod(c.expected()));
    }
  }

  @Test
  void admit_podUpdateWithoutPriority_keepsTheStoredOnes() {
    Unstructured old = pod(", priority: 1000, preemptionPolicy: Never");
    Unstructured updated = pod("");

    PriorityAdmission.create(classes()).admit(Requests.create(updated, PODS, Operation.UPDATE,
        old));

    assertThat(updated).isEqualTo(old);
  }

  @Test
  void validate_secondGlobalDefault_denied() {
    Unstructured second = priorityClass("second", 5, true, "Never");
    FakeCluster cluster = classes(priorityClass("first", 7, true, "Never"));

    AdmissionResult create = PriorityAdmission.create(cluster)
        .validate(Requests.create(second, CLASSES, Operation.CREATE, null));

    assertThat(create.status()).isEqualTo(forbidden("priorityclasses", "scheduling.k8s.io",
        "second", "PriorityClass first is already marked as default. Only one default can exist"));
  }

  @Test
  void validate_defaultClassUpdatingItself_allowed() {
    Unstructured first = priorityClass("first", 7, true, "Never");
    FakeCluster cluster = classes(first);

    AdmissionResult update = PriorityAdmission.create(cluster)
        .validate(Requests.create(first, CLASSES, Operation.UPDATE, first));

    assertThat(update).isEqualTo(AdmissionResult.ALLOWED);
  }

  @Test
  void systemClasses_valuesAndDescriptionsAsUpstream() {
    assertThat(SystemPriorityClasses.objects()).containsExactly(
        Manifests.one("""
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: system-node-critical}
            value: 2000001000
            description: Used for system critical pods that must not be moved from their current node.
            """),
        Manifests.one("""
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: system-cluster-critical}
            value: 2000000000
            description: Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.
            """));
  }
}

package io.gatehouse.admission.limitrange;

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

class LimitRangerAdmissionTest {

  private static final GroupVersionResource PODS = new GroupVersionResource("", "v1", "pods");
  private static final GroupVersionResource CLAIMS =
      new GroupVersionResource("", "v1", "persistentvolumeclaims");
  private static final Unstructured CONTAINER_LIMITS = Manifests.one("""
      apiVersion: v1
      kind: LimitRange
      metadata: {name: containers, namespace: ns}
      spec:
        limits:
        - type: Container
          min: {cpu: 50m, memory: 10Mi}
          max: {cpu: "1", memory: 1Gi}
          default: {cpu: 500m, memory: 256Mi}
          defaultRequest: {cpu: 100m, memory: 128Mi}
          maxLimitRequestRatio: {cpu: "4"}
      """);
  private static final Unstructured POD_LIMITS = Manifests.one("""
      apiVersion: v1
      kind: LimitRange
      metadata: {name: pods, namespace: ns}
      spec:
        limits:
        - type: Pod
          max: {memory: 1Gi}
      """);
  private static final Unstructured CLAIM_LIMITS = Manifests.one("""
      apiVersion: v1
      kind: LimitRange
      metadata: {name: storage, namespace: ns}
      spec:
        limits:
        - type: PersistentVolumeClaim
          min: {storage: 1Gi}
          max: {storage: 10Gi}
      """);

  private static Unstructured pod(String annotations, String spec) {
    return Manifests.one("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: ns\n"
        + annotations + "spec:\n" + spec);
  }

  private static String container(String name, String requests, String limits) {
    return "  - name: " + name + "\n    image: x\n    resources: {requests: {" + requests
        + "}, limits: {" + limits + "}}\n";
  }

  private static Status forbidden(String resource, String name, String message) {
    return new Status(resource + " \"" + name + "\" is forbidden: " + message,
        StatusReason.FORBIDDEN, new Status.Details(name, "", resource, List.of()), 403);
  }

  private record MutateCase(String name, List<Unstructured> limitRanges, Unstructured pod,
      Unstructured expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<MutateCase> mutateCases() {
    return Stream.of(
        new MutateCase("container without resources gets every default",
            List.of(CONTAINER_LIMITS),
            pod("", "  containers:\n  - {name: app, image: x}\n"),
            pod("  annotations: {kubernetes.io/limit-ranger: 'LimitRanger plugin set: cpu, memory "
                + "request for container app; cpu, memory limit for container app'}\n",
                "  containers:\n" + container("app", "cpu: 100m, memory: 128Mi",
                    "cpu: 500m, memory: 256Mi"))),
        new MutateCase("only the unset resources, init containers named as such",
            List.of(CONTAINER_LIMITS),
            pod("", "  initContainers:\n" + container("init", "cpu: 200m", "cpu: 400m")
                + "  containers:\n" + container("app", "cpu: 200m, memory: 200Mi",
                    "cpu: 400m, memory: 300Mi")),
            pod("  annotations: {kubernetes.io/limit-ranger: 'LimitRanger plugin set: memory "
                + "request for init container init; memory limit for init container init'}\n",
                "  initContainers:\n" + container("init", "cpu: 200m, memory: 128Mi",
                    "cpu: 400m, memory: 256Mi") + "  containers:\n"
                    + container("app", "cpu: 200m, memory: 200Mi", "cpu: 400m, memory: 300Mi"))),
        new MutateCase("nothing to set: no annotation",
            List.of(CONTAINER_LIMITS, POD_LIMITS),
            pod("", "  containers:\n" + container("app", "cpu: 200m, memory: 200Mi",
                "cpu: 400m, memory: 300Mi")),
            pod("", "  containers:\n" + container("app", "cpu: 200m, memory: 200Mi",
                "cpu: 400m, memory: 300Mi"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutateCases")
  void admit_podCreate_setsContainerDefaults(MutateCase c) {
    Unstructured pod = c.pod().deepCopy();

    AdmissionResult result = LimitRangerAdmission.create(FakeCluster.create()
        .add(c.limitRanges().toArray(Unstructured[]::new)))
        .admit(Requests.create(pod, PODS, Operation.CREATE, null));

    assertThat(result).isEqualTo(AdmissionResult.ALLOWED);
    assertThat(pod).isEqualTo(c.expected());
  }

  private record ValidateCase(String name, Unstructured limitRange, Unstructured object,
      GroupVersionResource resource, @Nullable String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static ValidateCase podCase(String name, Unstructured limitRange, String containers,
      @Nullable String message) {
    return new ValidateCase(name, limitRange, pod("", "  containers:\n" + containers), PODS,
        message);
  }

  private static ValidateCase claimCase(String name, String requests, @Nullable String message) {
    return new ValidateCase(name, CLAIM_LIMITS, Manifests.one("apiVersion: v1\n"
        + "kind: PersistentVolumeClaim\nmetadata: {name: data, namespace: ns}\n"
        + "spec: {accessModes: [ReadWriteOnce], resources: {requests: {" + requests + "}}}\n"),
        CLAIMS, message);
  }

  static Stream<ValidateCase> validateCases() {
    return Stream.of(
        podCase("within every bound", CONTAINER_LIMITS,
            container("app", "cpu: 200m, memory: 200Mi", "cpu: 400m, memory: 300Mi"), null),
        podCase("limit above max", CONTAINER_LIMITS,
            container("app", "cpu: 500m, memory: 200Mi", "cpu: '2', memory: 300Mi"),
            "maximum cpu usage per Container is 1, but limit is 2"),
        podCase("request below min", CONTAINER_LIMITS,
            container("app", "cpu: 200m, memory: 5Mi", "cpu: 400m, memory: 300Mi"),
            "minimum memory usage per Container is 10Mi, but request is 5Mi"),
        podCase("no limit under a max", CONTAINER_LIMITS,
            container("app", "cpu: 200m, memory: 200Mi", "memory: 300Mi"),
            "[maximum cpu usage per Container is 1.  No limit is specified, cpu max limit to "
                + "request ratio per Container is 4, but no limit is specified or limit is 0]"),
        podCase("no request above a min", CONTAINER_LIMITS,
            container("app", "memory: 200Mi", "cpu: 400m, memory: 300Mi"),
            "[minimum cpu usage per Container is 50m.  No request is specified, cpu max limit to "
                + "request ratio per Container is 4, but no request is specified or request is 0]"),
        podCase("limit to request ratio", CONTAINER_LIMITS,
            container("app", "cpu: 100m, memory: 200Mi", "cpu: 500m, memory: 300Mi"),
            "cpu max limit to request ratio per Container is 4, but provided ratio is 5.000000"),
        podCase("several violations", CONTAINER_LIMITS,
            container("app", "cpu: 20m, memory: 200Mi", "cpu: '2', memory: 2Gi"),
            "[minimum cpu usage per Container is 50m, but request is 20m, maximum cpu usage per "
                + "Container is 1, but limit is 2, maximum memory usage per Container is 1Gi, but "
                + "limit is 2Gi, cpu max limit to request ratio per Container is 4, but provided "
                + "ratio is 100.000000]"),
        podCase("pod total above the Pod max", POD_LIMITS,
            container("a", "memory: 600Mi", "memory: 600Mi")
                + container("b", "memory: 600Mi", "memory: 600Mi"),
            "maximum memory usage per Pod is 1Gi, but limit is 1200Mi"),
        claimCase("claim within bounds", "storage: 5Gi", null),
        claimCase("claim above max", "storage: 20Gi",
            "maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi"),
        claimCase("claim without a request", "",
            "[minimum storage usage per PersistentVolumeClaim is 1Gi.  No request is specified, "
                + "maximum storage usage per PersistentVolumeClaim is 10Gi.  No request is "
                + "specified]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validateCases")
  void validate_object_checksLimits(ValidateCase c) {
    AdmissionResult result = LimitRangerAdmission.create(FakeCluster.create().add(c.limitRange()))
        .validate(Requests.create(c.object(), c.resource(), Operation.CREATE, null));

    assertThat(result.status()).isEqualTo(c.message() == null ? null
        : forbidden(c.resource().resource(), c.object().name(), c.message()));
  }

  @Test
  void validate_sidecarsAddUpInThePodTotal() {
    Unstructured pod = pod("", "  initContainers:\n"
        + "  - {name: side, image: x, restartPolicy: Always, resources: {limits: {memory: 700Mi}}}\n"
        + "  - {name: once, image: x, resources: {limits: {memory: 900Mi}}}\n"
        + "  containers:\n" + container("app", "memory: 400Mi", "memory: 400Mi"));

    AdmissionResult result = LimitRangerAdmission.create(FakeCluster.create().add(POD_LIMITS))
        .validate(Requests.create(pod, PODS, Operation.CREATE, null));

    assertThat(result.status()).isEqualTo(forbidden("pods", "web",
        "maximum memory usage per Pod is 1Gi, but limit is 1600Mi"));
  }

  @Test
  void podUpdate_isNotChecked() {
    Unstructured pod = pod("", "  containers:\n" + container("app", "cpu: 20m", "cpu: '2'"));
    LimitRangerAdmission plugin = LimitRangerAdmission.create(FakeCluster.create()
        .add(CONTAINER_LIMITS));

    assertThat(plugin.validate(Requests.create(pod, PODS, Operation.UPDATE, pod)))
        .isEqualTo(AdmissionResult.ALLOWED);
    assertThat(plugin.admit(Requests.create(pod, PODS, Operation.UPDATE, pod)))
        .isEqualTo(AdmissionResult.ALLOWED);
  }
}

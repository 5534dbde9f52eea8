package io.gatehouse.admission.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.FakeCluster;
import io.gatehouse.admission.Manifests;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.Requests;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceAccountAdmissionTest {

  private static final GroupVersionResource PODS = new GroupVersionResource("", "v1", "pods");
  private static final String VOLUME = "kube-api-access-x7k2q";
  private static final String ACCOUNTS = """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: default, namespace: ns}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: builder, namespace: ns}
      imagePullSecrets: [{name: registry}]
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: quiet, namespace: ns}
      automountServiceAccountToken: false
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: strict
        namespace: ns
        annotations: {kubernetes.io/enforce-mountable-secrets: "true"}
      secrets: [{name: allowed}]
      imagePullSecrets: [{name: pull}]
      """;
  private static final String TOKEN_VOLUME = """
      name: %s
      projected:
        sources:
        - serviceAccountToken: {expirationSeconds: 3607, path: token}
        - configMap:
            name: kube-root-ca.crt
            items: [{key: ca.crt, path: ca.crt}]
        - downwardAPI:
            items:
            - path: namespace
              fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}
        defaultMode: 420
      """.formatted(VOLUME);
  private static final String MOUNT = "{name: " + VOLUME + ", readOnly: true, "
      + "mountPath: /var/run/secrets/kubernetes.io/serviceaccount}";

  private final List<Long> sleeps = new ArrayList<>();

  private ServiceAccountAdmission plugin(FakeCluster cluster) {
    return new ServiceAccountAdmission(cluster, base -> base + "x7k2q", sleeps::add);
  }

  private static FakeCluster cluster() {
    return FakeCluster.create().add(Manifests.of(ACCOUNTS).toArray(Unstructured[]::new));
  }

  private static AdmissionAttributes create(Unstructured pod) {
    return Requests.create(pod, PODS, Operation.CREATE, null);
  }

  private static Status forbidden(String name, String reason) {
    return new Status("pods \"" + name + "\" is forbidden: " + reason, StatusReason.FORBIDDEN,
        new Status.Details(name, "", "pods", List.of()), 403);
  }

  /** A pod in {@code ns}; {@code spec} is the YAML under {@code spec:} (indented 2). */
  private static Unstructured pod(String metadataExtra, String spec) {
    return Manifests.one("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: ns\n"
        + metadataExtra + "spec:\n" + spec);
  }

  private record Case(String name, Unstructured pod, @Nullable Unstructured expected,
      @Nullable Status denial) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> admitCases() {
    String containers = "  initContainers: [{name: init, image: busybox}]\n"
        + "  containers: [{name: app, image: nginx}]\n";
    return Stream.of(
        new Case("no account: default, token volume in every container",
            pod("", containers),
            pod("", "  serviceAccountName: default\n"
                + "  initContainers: [{name: init, image: busybox, volumeMounts: [" + MOUNT + "]}]\n"
                + "  containers: [{name: app, image: nginx, volumeMounts: [" + MOUNT + "]}]\n"
                + "  volumes:\n  - " + TOKEN_VOLUME.indent(4).strip() + "\n"), null),
        new Case("account's pull secrets copied into a pod without any",
            pod("", "  serviceAccountName: builder\n  automountServiceAccountToken: false\n"
                + "  containers: [{name: app, image: nginx}]\n"),
            pod("", "  serviceAccountName: builder\n  automountServiceAccountToken: false\n"
                + "  containers: [{name: app, image: nginx}]\n"
                + "  imagePullSecrets: [{name: registry}]\n"), null),
        new Case("pod's own pull secrets kept",
            pod("", "  serviceAccountName: builder\n  automountServiceAccountToken: false\n"
                + "  imagePullSecrets: [{name: mine}]\n  containers: [{name: app, image: nginx}]\n"),
            pod("", "  serviceAccountName: builder\n  automountServiceAccountToken: false\n"
                + "  imagePullSecrets: [{name: mine}]\n  containers: [{name: app, image: nginx}]\n"),
            null),
        new Case("account opts out of automount",
            pod("", "  serviceAccountName: quiet\n  containers: [{name: app, image: nginx}]\n"),
            pod("", "  serviceAccountName: quiet\n  containers: [{name: app, image: nginx}]\n"),
            null),
        new Case("pod's automount true overrides the account",
            pod("", "  serviceAccountName: quiet\n  automountServiceAccountToken: true\n"
                + "  containers: [{name: app, image: nginx}]\n"),
            pod("", "  serviceAccountName: quiet\n  automountServiceAccountToken: true\n"
                + "  containers: [{name: app, image: nginx, volumeMounts: [" + MOUNT + "]}]\n"
                + "  volumes:\n  - " + TOKEN_VOLUME.indent(4).strip() + "\n"), null),
        new Case("a container mounting the path keeps its mount",
            pod("", "  containers:\n  - {name: a, image: x, volumeMounts: [{name: own, mountPath: "
                + "/var/run/secrets/kubernetes.io/serviceaccount}]}\n  - {name: b, image: x}\n"
                + "  volumes: [{name: own, emptyDir: {}}]\n"),
            pod("", "  serviceAccountName: default\n  containers:\n"
                + "  - {name: a, image: x, volumeMounts: [{name: own, mountPath: "
                + "/var/run/secrets/kubernetes.io/serviceaccount}]}\n"
                + "  - {name: b, image: x, volumeMounts: [" + MOUNT + "]}\n"
                + "  volumes:\n  - {name: own, emptyDir: {}}\n  - "
                + TOKEN_VOLUME.indent(4).strip() + "\n"), null),
        new Case("every container mounting the path: no volume",
            pod("", "  containers:\n  - {name: a, image: x, volumeMounts: [{name: own, mountPath: "
                + "/var/run/secrets/kubernetes.io/serviceaccount}]}\n"),
            pod("", "  serviceAccountName: default\n  containers:\n"
                + "  - {name: a, image: x, volumeMounts: [{name: own, mountPath: "
                + "/var/run/secrets/kubernetes.io/serviceaccount}]}\n"), null),
        new Case("an existing kube-api-access volume is reused",
            pod("", "  containers: [{name: a, image: x}]\n"
                + "  volumes: [{name: kube-api-access-old12, emptyDir: {}}]\n"),
            pod("", "  serviceAccountName: default\n  containers: [{name: a, image: x, "
                + "volumeMounts: [{name: kube-api-access-old12, readOnly: true, mountPath: "
                + "/var/run/secrets/kubernetes.io/serviceaccount}]}]\n"
                + "  volumes: [{name: kube-api-access-old12, emptyDir: {}}]\n"), null),
        new Case("missing account",
            pod("", "  serviceAccountName: ghost\n  containers: [{name: a, image: x}]\n"), null,
            forbidden("web", "error looking up service account ns/ghost: serviceaccount "
                + "\"ghost\" not found")),
        new Case("mirror pod is not changed",
            pod("  annotations: {kubernetes.io/config.mirror: abc}\n",
                "  containers: [{name: a, image: x}]\n"),
            pod("  annotations: {kubernetes.io/config.mirror: abc}\n",
                "  containers: [{name: a, image: x}]\n"), null),
        new Case("mirror pod naming an account",
            pod("  annotations: {kubernetes.io/config.mirror: abc}\n",
                "  serviceAccountName: builder\n  containers: [{name: a, image: x}]\n"), null,
            forbidden("web", "a mirror pod may not reference service accounts")),
        new Case("mirror pod with a secret env",
            pod("  annotations: {kubernetes.io/config.mirror: abc}\n",
                "  containers: [{name: a, image: x, env: [{name: E, valueFrom: {secretKeyRef: "
                    + "{name: s, key: k}}}]}]\n"), null,
            forbidden("web", "a mirror pod may not reference secrets")),
        new Case("mirror pod with a token projection",
            pod("  annotations: {kubernetes.io/config.mirror: abc}\n",
                "  containers: [{name: a, image: x}]\n  volumes: [{name: t, projected: {sources: "
                    + "[{serviceAccountToken: {path: token}}]}}]\n"), null,
            forbidden("web", "a mirror pod may not use ServiceAccountToken volume projections")),
        strict("secret volume not listed",
            "  volumes: [{name: v, secret: {secretName: other}}]\n  containers: [{name: a, "
                + "image: x}]\n",
            "volume with secret.secretName=\"other\" is not allowed because service account "
                + "strict does not reference that secret"),
        strict("init container env",
            "  initContainers: [{name: i, image: x, env: [{name: E, valueFrom: {secretKeyRef: "
                + "{name: other, key: k}}}]}]\n  containers: [{name: a, image: x}]\n",
            "init container i with envVar E referencing secret.secretName=\"other\" is not "
                + "allowed because service account strict does not reference that secret"),
        strict("container envFrom",
            "  containers: [{name: a, image: x, envFrom: [{secretRef: {name: other}}]}]\n",
            "container a with envFrom referencing secret.secretName=\"other\" is not allowed "
                + "because service account strict does not reference that secret"),
        strict("image pull secret",
            "  imagePullSecrets: [{name: pull}, {name: other}]\n"
                + "  containers: [{name: a, image: x, envFrom: [{secretRef: {name: allowed}}]}]\n",
            "imagePullSecrets[1].name=\"other\" is not allowed because service account strict "
                + "does not reference that imagePullSecret"));
  }

  private static Case strict(String name, String spec, String reason) {
    return new Case("mountable secrets enforced: " + name,
        pod("", "  serviceAccountName: strict\n  automountServiceAccountToken: false\n" + spec),
        null, forbidden("web", reason));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("admitCases")
  void admit_podCreate_mutatesOrDeniesAsUpstream(Case c) {
    Unstructured pod = c.pod().deepCopy();
    AdmissionResult result = plugin(cluster()).admit(create(pod));

    assertThat(result.status()).isEqualTo(c.denial());
    if (c.expected() != null) {
      assertThat(pod).isEqualTo(c.expected());
    }
  }

  @Test
  void admit_defaultAccountMissing_retriesTenTimesThenDenies() {
    AdmissionResult result = plugin(FakeCluster.create()).admit(create(pod("",
        "  containers: [{name: a, image: x}]\n")));

    assertThat(result.status()).isEqualTo(forbidden("web", "error looking up service account "
        + "ns/default: serviceaccount \"default\" not found"));
    assertThat(sleeps).hasSize(9).allMatch(ms -> ms >= 100 && ms < 200);
    assertThat(sleeps.stream().distinct()).hasSize(1);
  }

  @Test
  void admit_otherAccountMissing_doesNotSleep() {
    plugin(FakeCluster.create()).admit(create(pod("",
        "  serviceAccountName: ghost\n  containers: [{name: a, image: x}]\n")));

    assertThat(sleeps).isEmpty();
  }

  @Test
  void admit_generateName_namesTheBaseInTheDenial() {
    Unstructured pod = Manifests.one("apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-, "
        + "namespace: ns}\nspec: {serviceAccountName: ghost, containers: [{name: a, image: x}]}\n");

    AdmissionResult result = plugin(cluster()).admit(create(pod));

    assertThat(result.status()).isEqualTo(forbidden("web-", "error looking up service account "
        + "ns/ghost: serviceaccount \"ghost\" not found"));
  }

  @Test
  void admit_updateOrSubresourceOrOtherResource_changesNothing() {
    Unstructured pod = pod("", "  containers: [{name: a, image: x}]\n");
    ServiceAccountAdmission plugin = plugin(FakeCluster.create());

    AdmissionResult update = plugin.admit(Requests.create(pod, PODS, Operation.UPDATE, pod));
    AdmissionAttributes status = new AdmissionAttributes(pod, null, pod.groupVersionKind(), PODS,
        "status", "ns", "web", Operation.CREATE, null, false,
        io.gatehouse.api.authz.UserInfo.of("alice"));
    AdmissionResult configMap = plugin.admit(Requests.create(pod,
        new GroupVersionResource("", "v1", "configmaps"), Operation.CREATE, null));

    assertThat(List.of(update, plugin.admit(status), configMap))
        .containsOnly(AdmissionResult.ALLOWED);
    assertThat(pod).isEqualTo(pod("", "  containers: [{name: a, image: x}]\n"));
  }

  @Test
  void validate_createWithoutAccount_denied() {
    AdmissionResult result = plugin(cluster()).validate(create(pod("",
        "  containers: [{name: a, image: x}]\n")));

    assertThat(result.status()).isEqualTo(forbidden("web",
        "no service account specified for pod ns/web"));
  }

  @Test
  void validate_ephemeralContainerWithUnlistedSecret_denied() {
    Unstructured pod = pod("", "  serviceAccountName: strict\n  containers: [{name: a, image: x}]\n"
        + "  ephemeralContainers: [{name: debug, image: x, env: [{name: T, valueFrom: "
        + "{secretKeyRef: {name: other, key: k}}}]}]\n");
    AdmissionAttributes a = new AdmissionAttributes(pod, pod, pod.groupVersionKind(), PODS,
        "ephemeralcontainers", "ns", "web", Operation.UPDATE, null, false,
        io.gatehouse.api.authz.UserInfo.of("alice"));

    assertThat(plugin(cluster()).validate(a).status()).isEqualTo(forbidden("web",
        "ephemeral container debug with envVar T referencing secret.secretName=\"other\" is not "
            + "allowed because service account strict does not reference that secret"));
  }
}

package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API defaulting through the REST handlers: create and update bodies are defaulted before the
 * strategy and admission, objects read from the store are defaulted, and the Job and Service
 * registry rules that run after defaulting.
 */
class RegistryDefaultingTest {

  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
  private static final String JOBS = "/apis/batch/v1/namespaces/default/jobs";
  private static final String SERVICES = "/api/v1/namespaces/default/services";
  private static final String DEPLOYMENT = """
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
       "spec":{"selector":{"matchLabels":{"app":"web"}},
        "template":{"metadata":{"labels":{"app":"web"}},
         "spec":{"containers":[{"name":"nginx","image":"nginx","ports":[{"containerPort":80}]}]}}}}
      """;

  private final RestFixture api = new RestFixture();

  @Test
  void create_deployment_returnsAndStoresDefaults() {
    Unstructured created = body(api.json("POST", DEPLOYMENTS, DEPLOYMENT), 201);
    Unstructured read = body(api.json("GET", DEPLOYMENTS + "/web", ""), 200);

    for (Unstructured d : List.of(created, read)) {
      assertThat(d.get("spec", "strategy")).contains(Map.of("type", "RollingUpdate",
          "rollingUpdate", Map.of("maxUnavailable", "25%", "maxSurge", "25%")));
      assertThat(d.get("spec", "replicas")).contains(1L);
      assertThat(d.get("spec", "template", "spec", "restartPolicy")).contains("Always");
      assertThat(d.get("spec", "template", "spec", "containers")).get().asString()
          .contains("protocol=TCP", "imagePullPolicy=Always");
    }
    assertThat(storedJson("/registry/apps/deployments/default/web"))
        .contains("\"progressDeadlineSeconds\":600");
  }

  @Test
  void create_managedFields_ownDefaultedFieldsAsUpstreamUpdateDoes() {
    Unstructured created = body(api.json("POST", DEPLOYMENTS + "?fieldManager=creator",
        DEPLOYMENT), 201);

    assertThat(created.get("metadata", "managedFields")).get().asString()
        .contains("manager=creator", "f:revisionHistoryLimit", "f:strategy",
            "f:terminationMessagePath");
  }

  @Test
  void serverSideApply_defaultsAfterMerge_appliedFieldsOnlyOwned() {
    Unstructured applied = body(api.send("PATCH", DEPLOYMENTS + "/web?fieldManager=applier",
        DEPLOYMENT.replace("\"kind\":\"Deployment\",", "\"kind\":\"Deployment\","),
        "Content-Type", "application/apply-patch+yaml"), 201);

    assertThat(applied.get("spec", "revisionHistoryLimit")).contains(10L);
    assertThat(applied.get("spec", "template", "spec", "containers")).get().asString()
        .contains("imagePullPolicy=Always");
    assertThat(applied.get("metadata", "managedFields")).get().asString()
        .contains("manager=applier", "operation=Apply", "f:containerPort")
        .doesNotContain("f:revisionHistoryLimit", "f:imagePullPolicy");
  }

  @Test
  void get_objectStoredWithoutDefaults_isServedDefaulted() {
    api.store.create("/registry/apps/deployments/default/legacy", """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"legacy",
         "namespace":"default","uid":"u1","generation":1},"spec":{}}"""
        .getBytes(StandardCharsets.UTF_8));

    Unstructured read = body(api.json("GET", DEPLOYMENTS + "/legacy", ""), 200);

    assertThat(read.get("spec", "revisionHistoryLimit")).contains(10L);
  }

  @Test
  void patch_removingDefaultedField_defaultsItAgainWithoutNewGeneration() {
    body(api.json("POST", DEPLOYMENTS, DEPLOYMENT), 201);

    Unstructured patched = body(api.send("PATCH", DEPLOYMENTS + "/web",
        "{\"spec\":{\"revisionHistoryLimit\":null,\"strategy\":null}}",
        "Content-Type", "application/merge-patch+json"), 200);

    assertThat(patched.get("spec", "revisionHistoryLimit")).contains(10L);
    assertThat(patched.get("spec", "strategy", "type")).contains("RollingUpdate");
    assertThat(patched.get("metadata", "generation")).contains(1L);
  }

  @Test
  void create_pod_qosClassSeesRequestsDefaultedFromLimits() {
    Unstructured pod = body(api.json("POST", "/api/v1/namespaces/default/pods", """
        {"metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"app:v1",
         "resources":{"limits":{"cpu":"1","memory":"64Mi"}}}]}}"""), 201);

    assertThat(pod.get("status", "qosClass")).contains("Guaranteed");
    assertThat(pod.get("spec", "enableServiceLinks")).contains(true);
  }

  @Test
  void create_job_generatesSelectorAndLabelsFromUid() {
    Unstructured job = body(api.json("POST", JOBS, """
        {"metadata":{"name":"pi"},"spec":{"template":{"spec":{"restartPolicy":"Never",
         "containers":[{"name":"pi","image":"perl:5.34"}]}}}}"""), 201);

    String uid = job.uid();
    assertThat(job.get("spec", "selector")).contains(Map.of("matchLabels",
        Map.of("batch.kubernetes.io/controller-uid", uid)));
    assertThat(job.get("spec", "template", "metadata", "labels")).contains(Map.of(
        "job-name", "pi", "batch.kubernetes.io/job-name", "pi",
        "controller-uid", uid, "batch.kubernetes.io/controller-uid", uid));
    assertThat(job.get("spec", "manualSelector")).contains(false);
    assertThat(job.get("spec", "podReplacementPolicy")).contains("TerminatingOrFailed");
  }

  @Test
  void create_jobWithManualSelector_keepsUserSelector() {
    Unstructured job = body(api.json("POST", JOBS, """
        {"metadata":{"name":"manual"},"spec":{"manualSelector":true,
         "selector":{"matchLabels":{"app":"m"}},
         "template":{"metadata":{"labels":{"app":"m"}},"spec":{"restartPolicy":"Never",
         "containers":[{"name":"c","image":"c:1"}]}}}}"""), 201);

    assertThat(job.get("spec", "selector")).contains(Map.of("matchLabels", Map.of("app", "m")));
    assertThat(job.get("spec", "template", "metadata", "labels")).contains(Map.of("app", "m"));
  }

  @Test
  void create_service_getsSingleStackIpv4() {
    Unstructured svc = body(api.json("POST", SERVICES, """
        {"metadata":{"name":"web"},"spec":{"selector":{"app":"web"},"ports":[{"port":80}]}}"""),
        201);

    assertThat(svc.get("spec", "ipFamilyPolicy")).contains("SingleStack");
    assertThat(svc.get("spec", "ipFamilies")).contains(List.of("IPv4"));
    assertThat(svc.get("spec", "ports")).contains(List.of(Map.of("port", 80L, "protocol", "TCP",
        "targetPort", 80L)));
    assertThat(svc.get("spec", "internalTrafficPolicy")).contains("Cluster");
  }

  @Test
  void create_headlessServiceWithoutSelector_requiresDualStack() {
    Unstructured svc = body(api.json("POST", SERVICES, """
        {"metadata":{"name":"headless"},"spec":{"clusterIP":"None","ports":[{"port":53}]}}"""),
        201);

    assertThat(svc.get("spec", "clusterIPs")).contains(List.of("None"));
    assertThat(svc.get("spec", "ipFamilyPolicy")).contains("RequireDualStack");
    assertThat(svc.get("spec", "ipFamilies")).contains(List.of("IPv4", "IPv6"));
  }

  @Test
  void create_externalNameService_getsNoIpFamilies() {
    Unstructured svc = body(api.json("POST", SERVICES, """
        {"metadata":{"name":"ext"},"spec":{"type":"ExternalName","externalName":"example.com"}}"""),
        201);

    assertThat(svc.has("spec", "ipFamilyPolicy")).isFalse();
    assertThat(svc.has("spec", "ipFamilies")).isFalse();
    assertThat(svc.has("spec", "internalTrafficPolicy")).isFalse();
  }

  @Test
  void update_serviceWithoutPolicy_keepsStoredPolicy() {
    body(api.json("POST", SERVICES, """
        {"metadata":{"name":"dual"},"spec":{"ipFamilyPolicy":"PreferDualStack",
         "selector":{"app":"d"},"ports":[{"port":80}]}}"""), 201);

    Unstructured updated = body(api.json("PUT", SERVICES + "/dual", """
        {"metadata":{"name":"dual"},"spec":{"selector":{"app":"d2"},"ports":[{"port":80}]}}"""),
        200);

    assertThat(updated.get("spec", "ipFamilyPolicy")).contains("PreferDualStack");
    assertThat(updated.get("spec", "ipFamilies")).contains(List.of("IPv4"));
  }

  @Test
  void create_persistentVolumeClaim_isServedPending() {
    Unstructured pvc = body(api.json("POST", "/api/v1/namespaces/default/persistentvolumeclaims",
        """
        {"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],
         "resources":{"requests":{"storage":"1Gi"}}}}"""), 201);

    assertThat(pvc.get("status", "phase")).contains("Pending");
    assertThat(pvc.get("spec", "volumeMode")).contains("Filesystem");
  }

  private String storedJson(String key) {
    return new String(api.store.get(key).kv().orElseThrow().value(), StandardCharsets.UTF_8);
  }

  private static Unstructured body(ApiResponse r, int status) {
    assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
    return Unstructured.wrap(BodyDecoder.object(BodyDecoder.decode(
        r.bodyText().getBytes(StandardCharsets.UTF_8), "application/json")));
  }
}

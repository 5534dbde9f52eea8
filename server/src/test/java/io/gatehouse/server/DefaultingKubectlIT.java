package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * API defaulting seen through the real kubectl 1.33 and 1.30: {@code kubectl apply} of a
 * Deployment, Service, Job, CronJob, StatefulSet and Pod, then {@code kubectl get -o json} shows
 * the fields a kube-apiserver 1.33 defaults, and {@code kubectl describe} prints them ({@code
 * StrategyType: RollingUpdate}, {@code Port: <unset> 80/TCP}).
 */
class DefaultingKubectlIT {

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFESTS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: nginx
              image: nginx
              ports:
              - containerPort: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector: {app: web}
        ports:
        - port: 80
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: pi
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
            - name: pi
              image: perl:5.34
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: hello
      spec:
        schedule: "*/5 * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                - name: hello
                  image: busybox:1.36
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        serviceName: db
        selector:
          matchLabels: {app: db}
        template:
          metadata:
            labels: {app: db}
          spec:
            containers:
            - name: db
              image: postgres:17
        volumeClaimTemplates:
        - metadata:
            name: data
          spec:
            accessModes: [ReadWriteOnce]
            resources:
              requests:
                storage: 1Gi
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: solo
      spec:
        containers:
        - name: app
          image: registry.k8s.io/pause:3.10
          resources:
            limits:
              cpu: 100m
              memory: 64Mi
      """;

  private static JsonNode get(Kubectl k, String ns, String resource) throws Exception {
    Kubectl.Result r = server.admin(k, "-n", ns, "get", resource, "-o", "json");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return JSON.readTree(r.stdout());
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void apply_builtinObjects_showsUpstreamDefaults(Kubectl k) throws Exception {
    String ns = "defaults-" + k.tag();
    Path file = server.write(ns + ".yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n"
        + "  name: " + ns + "\n---\n" + MANIFESTS);
    Kubectl.Result applied = server.admin(k, "-n", ns, "apply", "-f", file.toString());
    assertThat(applied.exitCode()).as(applied.stderr()).isZero();

    JsonNode deploy = get(k, ns, "deployment/web").get("spec");
    assertThat(deploy.at("/replicas").asInt()).isEqualTo(1);
    assertThat(deploy.at("/strategy").toString()).isEqualTo(
        "{\"rollingUpdate\":{\"maxSurge\":\"25%\",\"maxUnavailable\":\"25%\"},"
            + "\"type\":\"RollingUpdate\"}");
    assertThat(deploy.at("/revisionHistoryLimit").asInt()).isEqualTo(10);
    assertThat(deploy.at("/progressDeadlineSeconds").asInt()).isEqualTo(600);
    JsonNode podSpec = deploy.at("/template/spec");
    assertThat(podSpec.at("/restartPolicy").asText()).isEqualTo("Always");
    assertThat(podSpec.at("/dnsPolicy").asText()).isEqualTo("ClusterFirst");
    assertThat(podSpec.at("/terminationGracePeriodSeconds").asInt()).isEqualTo(30);
    assertThat(podSpec.at("/schedulerName").asText()).isEqualTo("default-scheduler");
    assertThat(podSpec.at("/securityContext").toString()).isEqualTo("{}");
    assertThat(podSpec.has("enableServiceLinks")).isFalse();
    JsonNode container = podSpec.at("/containers/0");
    assertThat(container.at("/imagePullPolicy").asText()).isEqualTo("Always");
    assertThat(container.at("/terminationMessagePath").asText())
        .isEqualTo("/dev/termination-log");
    assertThat(container.at("/terminationMessagePolicy").asText()).isEqualTo("File");
    assertThat(container.at("/ports/0/protocol").asText()).isEqualTo("TCP");

    JsonNode svc = get(k, ns, "service/web").get("spec");
    assertThat(svc.at("/type").asText()).isEqualTo("ClusterIP");
    assertThat(svc.at("/sessionAffinity").asText()).isEqualTo("None");
    assertThat(svc.at("/ipFamilyPolicy").asText()).isEqualTo("SingleStack");
    assertThat(svc.at("/ipFamilies").toString()).isEqualTo("[\"IPv4\"]");
    assertThat(svc.at("/internalTrafficPolicy").asText()).isEqualTo("Cluster");
    assertThat(svc.at("/ports/0").toString())
        .isEqualTo("{\"port\":80,\"protocol\":\"TCP\",\"targetPort\":80}");

    JsonNode job = get(k, ns, "job/pi");
    String uid = job.at("/metadata/uid").asText();
    JsonNode jobSpec = job.get("spec");
    assertThat(jobSpec.at("/completions").asInt()).isEqualTo(1);
    assertThat(jobSpec.at("/parallelism").asInt()).isEqualTo(1);
    assertThat(jobSpec.at("/backoffLimit").asInt()).isEqualTo(6);
    assertThat(jobSpec.at("/completionMode").asText()).isEqualTo("NonIndexed");
    assertThat(jobSpec.at("/suspend").asBoolean(true)).isFalse();
    assertThat(jobSpec.at("/manualSelector").asBoolean(true)).isFalse();
    assertThat(jobSpec.at("/podReplacementPolicy").asText()).isEqualTo("TerminatingOrFailed");
    assertThat(jobSpec.at("/selector/matchLabels/batch.kubernetes.io~1controller-uid").asText())
        .isEqualTo(uid);
    assertThat(jobSpec.at("/template/metadata/labels/job-name").asText()).isEqualTo("pi");

    JsonNode cron = get(k, ns, "cronjob/hello").get("spec");
    assertThat(cron.at("/concurrencyPolicy").asText()).isEqualTo("Allow");
    assertThat(cron.at("/suspend").asBoolean(true)).isFalse();
    assertThat(cron.at("/successfulJobsHistoryLimit").asInt()).isEqualTo(3);
    assertThat(cron.at("/failedJobsHistoryLimit").asInt()).isEqualTo(1);
    assertThat(cron.at("/jobTemplate/spec/template/spec/schedulerName").asText())
        .isEqualTo("default-scheduler");

    JsonNode sts = get(k, ns, "statefulset/db").get("spec");
    assertThat(sts.at("/podManagementPolicy").asText()).isEqualTo("OrderedReady");
    assertThat(sts.at("/updateStrategy").toString())
        .isEqualTo("{\"rollingUpdate\":{\"partition\":0},\"type\":\"RollingUpdate\"}");
    assertThat(sts.at("/persistentVolumeClaimRetentionPolicy").toString())
        .isEqualTo("{\"whenDeleted\":\"Retain\",\"whenScaled\":\"Retain\"}");
    assertThat(sts.at("/volumeClaimTemplates/0/spec/volumeMode").asText())
        .isEqualTo("Filesystem");
    assertThat(sts.at("/volumeClaimTemplates/0/status/phase").asText()).isEqualTo("Pending");

    JsonNode pod = get(k, ns, "pod/solo");
    assertThat(pod.at("/spec/enableServiceLinks").asBoolean(false)).isTrue();
    assertThat(pod.at("/spec/containers/0/imagePullPolicy").asText()).isEqualTo("IfNotPresent");
    assertThat(pod.at("/spec/containers/0/resources/requests").toString())
        .isEqualTo("{\"cpu\":\"100m\",\"memory\":\"64Mi\"}");
    assertThat(pod.at("/status/qosClass").asText()).isEqualTo("Guaranteed");

    Kubectl.Result describeDeploy = server.admin(k, "-n", ns, "describe", "deployment", "web");
    assertThat(describeDeploy.stdout()).as(describeDeploy.stderr())
        .containsPattern("StrategyType:\\s+RollingUpdate")
        .containsPattern("RollingUpdateStrategy:\\s+25% max unavailable, 25% max surge");
    Kubectl.Result describeSvc = server.admin(k, "-n", ns, "describe", "service", "web");
    assertThat(describeSvc.stdout()).as(describeSvc.stderr())
        .containsPattern("Port:\\s+<unset>\\s+80/TCP")
        .containsPattern("TargetPort:\\s+80/TCP")
        .containsPattern("IP Family Policy:\\s+SingleStack");

    Kubectl.Result reapplied = server.admin(k, "-n", ns, "apply", "-f", file.toString());
    // Defaulted fields absent from the manifest do not make kubectl see a change. (A StatefulSet
    // reports "configured", as against kube-apiserver: its volumeClaimTemplates list has no merge
    // key, so the live, defaulted templates always differ; the server then changes nothing.)
    assertThat(reapplied.stdout()).as(reapplied.stderr()).contains(
        "deployment.apps/web unchanged", "service/web unchanged", "job.batch/pi unchanged",
        "cronjob.batch/hello unchanged", "pod/solo unchanged");
    assertThat(get(k, ns, "statefulset/db").at("/metadata/generation").asInt()).isEqualTo(1);
  }
}

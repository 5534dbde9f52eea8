package io.gatehouse.api.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DefaulterTest {

  private static final GroupVersionKind JOB = new GroupVersionKind("batch", "v1", "Job");

  @Test
  void handles_builtinKinds_trueOnlyForKindsWithDefaults() {
    Defaulter d = Defaulter.kubernetes133();

    assertThat(d.handles(new GroupVersionKind("apps", "v1", "Deployment"))).isTrue();
    assertThat(d.handles(new GroupVersionKind("", "v1", "ConfigMap"))).isFalse();
    assertThat(d.handles(new GroupVersionKind("apps", "v1beta1", "Deployment"))).isFalse();
  }

  @Test
  void kubernetes133_features_areTheGatesOnIn133() {
    assertThat(Defaulter.kubernetes133().features()).containsExactlyInAnyOrder(
        Feature.JOB_POD_REPLACEMENT_POLICY, Feature.STATEFUL_SET_AUTO_DELETE_PVC,
        Feature.SELINUX_MOUNT_READ_WRITE_ONCE_POD);
  }

  @Test
  void apply_jobPodReplacementPolicyOff_leavesPolicyUnset() {
    Map<String, @Nullable Object> job = object(Map.of("spec", Map.of()));

    Defaulter.withFeatures(EnumSet.noneOf(Feature.class)).apply(JOB, job);

    Map<?, ?> spec = (Map<?, ?>) job.get("spec");
    assertThat(spec.containsKey("podReplacementPolicy")).isFalse();
    assertThat(spec.get("backoffLimit")).isEqualTo(6L);
  }

  @Test
  void apply_statefulSetGates_followTheSet() {
    GroupVersionKind sts = new GroupVersionKind("apps", "v1", "StatefulSet");
    Map<String, @Nullable Object> off = object(Map.of("spec", Map.of()));
    Map<String, @Nullable Object> on = object(Map.of("spec", Map.of()));

    Defaulter.withFeatures(EnumSet.noneOf(Feature.class)).apply(sts, off);
    Defaulter.withFeatures(EnumSet.of(Feature.MAX_UNAVAILABLE_STATEFUL_SET,
        Feature.STATEFUL_SET_AUTO_DELETE_PVC)).apply(sts, on);

    assertThat(((Map<?, ?>) off.get("spec")).containsKey("persistentVolumeClaimRetentionPolicy"))
        .isFalse();
    assertThat(on).isEqualTo(object(Map.of("spec", Map.of(
        "podManagementPolicy", "OrderedReady",
        "updateStrategy", Map.of("type", "RollingUpdate",
            "rollingUpdate", Map.of("partition", 0L, "maxUnavailable", 1L)),
        "persistentVolumeClaimRetentionPolicy", Map.of("whenDeleted", "Retain",
            "whenScaled", "Retain"),
        "replicas", 1L,
        "revisionHistoryLimit", 10L))));
  }

  @Test
  void apply_imageVolumeOn_defaultsPullPolicy() {
    GroupVersionKind pod = new GroupVersionKind("", "v1", "Pod");
    Map<String, @Nullable Object> on = object(Map.of("spec", Map.of("volumes", List.of(
        Map.of("name", "a", "image", Map.of("reference", "tool:latest")),
        Map.of("name", "b", "image", Map.of("reference", "tool:1.0"))))));
    Map<String, @Nullable Object> off = Unstructured.copyOf(on).object();

    Defaulter.withFeatures(EnumSet.of(Feature.IMAGE_VOLUME)).apply(pod, on);
    Defaulter.kubernetes133().apply(pod, off);

    assertThat(on).extracting("spec.volumes").asInstanceOf(
            org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .extracting("image.pullPolicy").containsExactly("Always", "IfNotPresent");
    assertThat(off).extracting("spec.volumes").asInstanceOf(
            org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .extracting("image").containsExactly(Map.of("reference", "tool:latest"),
            Map.of("reference", "tool:1.0"));
  }

  @Test
  void apply_wrongTypes_leavesThemForValidation() {
    GroupVersionKind pod = new GroupVersionKind("", "v1", "Pod");
    Map<String, @Nullable Object> bad = object(Map.of("spec", Map.of(
        "containers", "not-a-list",
        "securityContext", "nope",
        "volumes", List.of("x", Map.of("name", "v", "secret", 5L)))));
    Map<String, @Nullable Object> before = Unstructured.copyOf(bad).object();

    Defaulter.kubernetes133().apply(pod, bad);

    Map<?, ?> spec = (Map<?, ?>) bad.get("spec");
    assertThat(spec.get("containers")).isEqualTo("not-a-list");
    assertThat(spec.get("securityContext")).isEqualTo("nope");
    assertThat(spec.get("volumes")).isEqualTo(((Map<?, ?>) before.get("spec")).get("volumes"));
    assertThat(spec.get("dnsPolicy")).isEqualTo("ClusterFirst");
  }

  @Test
  void apply_specOfWrongType_isKept() {
    for (String kind : List.of("Pod", "Service", "PersistentVolumeClaim")) {
      Map<String, @Nullable Object> obj = object(Map.of("spec", "text"));

      Defaulter.kubernetes133().apply(new GroupVersionKind("", "v1", kind), obj);

      assertThat(obj.get("spec")).as(kind).isEqualTo("text");
    }
  }

  @Test
  void apply_unstructuredWithoutKind_isLeftAlone() {
    Unstructured noKind = Unstructured.copyOf(Map.of("apiVersion", "v1", "spec", Map.of()));
    Unstructured badVersion = Unstructured.copyOf(Map.of("apiVersion", "a/b/c", "kind", "Pod"));

    assertThat(Defaulter.kubernetes133().apply(noKind)).isFalse();
    assertThat(Defaulter.kubernetes133().apply(badVersion)).isFalse();
    assertThat(noKind.object()).isEqualTo(Map.of("apiVersion", "v1", "spec", Map.of()));
  }

  @Test
  void apply_defaultedValues_areNotShared() {
    GroupVersionKind hpa = new GroupVersionKind("autoscaling", "v2", "HorizontalPodAutoscaler");
    Map<String, @Nullable Object> a = object(Map.of("spec", Map.of("behavior", Map.of())));
    Map<String, @Nullable Object> b = object(Map.of("spec", Map.of("behavior", Map.of())));
    Defaulter.kubernetes133().apply(hpa, a);
    Defaulter.kubernetes133().apply(hpa, b);

    Map<?, ?> aUp = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) a.get("spec")).get("behavior"))
        .get("scaleUp");
    ((List<?>) aUp.get("policies")).clear();

    assertThat(b).extracting("spec.behavior.scaleUp.policies").asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(2);
  }

  private static Map<String, @Nullable Object> object(Map<String, ?> value) {
    return new LinkedHashMap<>(Unstructured.copyOf(value).object());
  }
}

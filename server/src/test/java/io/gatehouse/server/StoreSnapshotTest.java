package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSnapshotTest {

  private static final String ROLE = "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\","
      + "\"kind\":\"ClusterRole\",\"metadata\":{\"name\":\"reader\"},\"rules\":[{\"apiGroups\":[\"\"],"
      + "\"resources\":[\"configmaps\"],\"verbs\":[\"get\"]}]}";
  private static final String BINDING = "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\","
      + "\"kind\":\"ClusterRoleBinding\",\"metadata\":{\"name\":\"jane-reads\"},\"roleRef\":{"
      + "\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\",\"name\":\"reader\"},"
      + "\"subjects\":[{\"kind\":\"User\",\"apiGroup\":\"rbac.authorization.k8s.io\",\"name\":\"jane\"}]}";

  private static RequestAttributes janeGetsConfigMap() {
    return RequestAttributes.resource(
        new UserInfo("jane", "", List.of("system:authenticated"), Map.of()), "get", "default", "",
        "v1", "configmaps", "", "x");
  }

  @Test
  void get_afterBindingWritten_allowsWithinASecond() throws Exception {
    RestFixture api = new RestFixture();
    try (StoreSnapshot<RbacAuthorizer> rbac = new StoreSnapshot<>("rbac", api.store,
        "/registry/rbac.authorization.k8s.io/", RbacAuthorizer::fromObjects)) {
      assertThat(rbac.get().authorize(janeGetsConfigMap()).allowed()).isFalse();
      api.json("POST", "/apis/rbac.authorization.k8s.io/v1/clusterroles", ROLE);
      api.json("POST", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", BINDING);
      long deadline = System.nanoTime() + 1_000_000_000L;
      while (!rbac.get().authorize(janeGetsConfigMap()).allowed() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(rbac.get().authorize(janeGetsConfigMap()).allowed()).isTrue();
      api.json("DELETE", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/jane-reads", "");
      deadline = System.nanoTime() + 1_000_000_000L;
      while (rbac.get().authorize(janeGetsConfigMap()).allowed() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(rbac.get().authorize(janeGetsConfigMap()).allowed()).isFalse();
    }
  }
}

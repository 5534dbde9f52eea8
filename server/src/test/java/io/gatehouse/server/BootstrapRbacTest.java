package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import io.gatehouse.auth.rbac.BootstrapPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bootstrap policy reconciled into the store as kube-apiserver's post-start hook does. */
class BootstrapRbacTest {

  private static final String CRB = "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/";
  private static final String CR = "/apis/rbac.authorization.k8s.io/v1/clusterroles/";

  private static Map<String, Object> body(ApiResponse r) {
    return BodyDecoder.object(BodyDecoder.decode(r.bodyText().getBytes(
        java.nio.charset.StandardCharsets.UTF_8), "application/json"));
  }

  @Test
  void reconcile_emptyStore_createsEveryBootstrapObject_secondRunWritesNothing() {
    RestFixture api = new RestFixture();
    int created = BootstrapRbac.reconcile(api.registry, api.table);
    assertThat(created).isEqualTo(BootstrapPolicy.objects().size());
    for (Unstructured o : BootstrapPolicy.objects()) {
      StoredResource r = api.table.forKind(o.groupVersionKind()).orElseThrow();
      assertThat(api.registry.get(r, o.namespace(), o.name()).object().get("metadata"))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsKey("uid");
    }
    assertThat(BootstrapRbac.reconcile(api.registry, api.table)).isZero();
  }

  @Test
  void reconcile_editedRoles_gainMissingRulesUnlessAutoupdateFalse() {
    RestFixture api = new RestFixture();
    BootstrapRbac.reconcile(api.registry, api.table);
    api.json("PUT", CR + "system:discovery", """
        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole",
         "metadata":{"name":"system:discovery"},
         "rules":[{"nonResourceURLs":["/custom"],"verbs":["get"]}]}""");
    api.json("PUT", CR + "system:basic-user", """
        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole",
         "metadata":{"name":"system:basic-user",
           "annotations":{"rbac.authorization.kubernetes.io/autoupdate":"false"}},
         "rules":[]}""");

    assertThat(BootstrapRbac.reconcile(api.registry, api.table)).isEqualTo(1);

    Map<String, Object> discovery = body(api.send("GET", CR + "system:discovery", ""));
    List<Object> rules = List.copyOf((List<?>) discovery.get("rules"));
    assertThat(rules.get(0)).isEqualTo(Map.of("nonResourceURLs", List.of("/custom"),
        "verbs", List.of("get")));
    assertThat(rules).hasSize(12).contains((Object) Map.of("verbs", List.of("get"),
        "nonResourceURLs", List.of("/api")));
    assertThat((Map<?, ?>) ((Map<?, ?>) discovery.get("metadata")).get("labels"))
        .isEqualTo(Map.of("kubernetes.io/bootstrapping", "rbac-defaults"));
    assertThat(body(api.send("GET", CR + "system:basic-user", "")).get("rules"))
        .isEqualTo(List.of());
  }

  @Test
  void reconcile_bindingToAnotherRole_recreatedWithTheBootstrapRoleRef() {
    RestFixture api = new RestFixture();
    BootstrapRbac.reconcile(api.registry, api.table);
    api.send("DELETE", CRB + "cluster-admin", "");
    api.json("POST", CRB.substring(0, CRB.length() - 1), """
        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding",
         "metadata":{"name":"cluster-admin"},
         "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},
         "subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"User","name":"mallory"}]}""");

    assertThat(BootstrapRbac.reconcile(api.registry, api.table)).isEqualTo(1);

    Map<String, Object> binding = body(api.send("GET", CRB + "cluster-admin", ""));
    assertThat(binding.get("roleRef")).isEqualTo(Map.of("apiGroup", "rbac.authorization.k8s.io",
        "kind", "ClusterRole", "name", "cluster-admin"));
    assertThat(binding.get("subjects")).isEqualTo(List.of(Map.of("apiGroup",
        "rbac.authorization.k8s.io", "kind", "Group", "name", "system:masters")));
  }
}

package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Escalation prevention on RBAC writes, as upstream's policy-based storage. */
class RbacEscalationGuardTest {

  private static final String RBAC = "/apis/rbac.authorization.k8s.io/v1/";
  private static final UserInfo BOB = UserInfo.of("bob", "system:authenticated");

  private RestFixture api;

  @BeforeEach
  void setUp() {
    api = RestFixture.withGuard(user -> WriteAdmission.NONE, store -> new RbacEscalationGuard(store,
        a -> RbacAuthorizer.fromObjects(rbacObjects(store)).authorize(a)));
    admin("POST", "/api/v1/namespaces",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team\"}}");
    admin("POST", RBAC + "namespaces/team/roles", role("team", "bob-rbac",
        "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"roles\",\"rolebindings\"],"
            + "\"verbs\":[\"create\",\"update\",\"patch\"]},"
            + "{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"get\",\"list\"]}"));
    admin("POST", RBAC + "namespaces/team/rolebindings", binding("team", "bob-rbac", "Role",
        "bob-rbac", "bob"));
    admin("POST", RBAC + "clusterroles", role("", "secret-reader",
        "{\"apiGroups\":[\"\"],\"resources\":[\"secrets\"],\"verbs\":[\"get\"]}"));
  }

  private static List<Unstructured> rbacObjects(io.gatehouse.storage.KeyValueStore store) {
    List<Unstructured> out = new ArrayList<>();
    if (store.list("/registry/rbac.authorization.k8s.io/", ListOptions.latest())
        instanceof ListResult.Page page) {
      for (KeyValue kv : page.items()) {
        out.add(ObjectBytes.read(kv));
      }
    }
    return out;
  }

  private void admin(String method, String uri, String body) {
    ApiResponse r = api.json(method, uri, body);
    assertThat(r.status()).as(r.bodyText()).isLessThan(300);
  }

  private ApiResponse bob(String method, String uri, String body) {
    return api.sendAs(BOB, method, uri, body, "Content-Type", "application/json");
  }

  private static String role(String ns, String name, String rules) {
    String kind = ns.isEmpty() ? "ClusterRole" : "Role";
    String nsField = ns.isEmpty() ? "" : ",\"namespace\":\"" + ns + "\"";
    return "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"" + kind + "\","
        + "\"metadata\":{\"name\":\"" + name + "\"" + nsField + "},\"rules\":[" + rules + "]}";
  }

  private static String binding(String ns, String name, String roleKind, String roleName,
      String user) {
    String kind = ns.isEmpty() ? "ClusterRoleBinding" : "RoleBinding";
    String nsField = ns.isEmpty() ? "" : ",\"namespace\":\"" + ns + "\"";
    return "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"" + kind + "\","
        + "\"metadata\":{\"name\":\"" + name + "\"" + nsField + "},\"roleRef\":{\"apiGroup\":"
        + "\"rbac.authorization.k8s.io\",\"kind\":\"" + roleKind + "\",\"name\":\"" + roleName
        + "\"},\"subjects\":[{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"User\","
        + "\"name\":\"" + user + "\"}]}";
  }

  @Test
  void createRole_heldRules_created() {
    ApiResponse r = bob("POST", RBAC + "namespaces/team/roles", role("team", "reader",
        "{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"get\"]}"));
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
  }

  @Test
  void createRole_notHeld_upstreamForbiddenStatus() {
    ApiResponse r = bob("POST", RBAC + "namespaces/team/roles", role("team", "grabber",
        "{\"apiGroups\":[\"\"],\"resources\":[\"pods\",\"secrets\"],\"verbs\":[\"get\",\"delete\"]}"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.bodyText()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
        + "\"status\":\"Failure\",\"message\":\"roles.rbac.authorization.k8s.io \\\"grabber\\\" is "
        + "forbidden: user \\\"bob\\\" (groups=[\\\"system:authenticated\\\"]) is attempting to "
        + "grant RBAC permissions not currently held:\\n{APIGroups:[\\\"\\\"], "
        + "Resources:[\\\"pods\\\"], Verbs:[\\\"delete\\\"]}\\n{APIGroups:[\\\"\\\"], "
        + "Resources:[\\\"secrets\\\"], Verbs:[\\\"get\\\" \\\"delete\\\"]}\",\"reason\":\"Forbidden\","
        + "\"details\":{\"name\":\"grabber\",\"group\":\"rbac.authorization.k8s.io\",\"kind\":"
        + "\"roles\"},\"code\":403}\n");
    assertThat(api.send("GET", RBAC + "namespaces/team/roles/grabber", "").status()).isEqualTo(404);
  }

  @Test
  void serverSideApply_createAndUpdateBeyondTheWriter_forbidden() {
    String uri = RBAC + "namespaces/team/roles/applied?fieldManager=bob";
    ApiResponse create = api.sendAs(BOB, "PATCH", uri, role("team", "applied",
        "{\"apiGroups\":[\"\"],\"resources\":[\"secrets\"],\"verbs\":[\"get\"]}"),
        "Content-Type", "application/apply-patch+yaml");
    assertThat(create.status()).as(create.bodyText()).isEqualTo(403);
    assertThat(create.bodyText()).contains("is attempting to grant RBAC permissions not "
        + "currently held:\\n{APIGroups:[\\\"\\\"], Resources:[\\\"secrets\\\"]");
    ApiResponse held = api.sendAs(BOB, "PATCH", uri, role("team", "applied",
        "{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"get\"]}"),
        "Content-Type", "application/apply-patch+yaml");
    assertThat(held.status()).as(held.bodyText()).isEqualTo(201);
    ApiResponse widened = api.sendAs(BOB, "PATCH", uri, role("team", "applied",
        "{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"get\",\"delete\"]}"),
        "Content-Type", "application/apply-patch+yaml");
    assertThat(widened.status()).as(widened.bodyText()).isEqualTo(403);
  }

  @Test
  void createRole_withEscalateVerb_allowed() {
    admin("POST", RBAC + "namespaces/team/roles", role("team", "escalator",
        "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"roles\"],\"verbs\":[\"escalate\"]}"));
    admin("POST", RBAC + "namespaces/team/rolebindings", binding("team", "escalator", "Role",
        "escalator", "bob"));
    ApiResponse r = bob("POST", RBAC + "namespaces/team/roles", role("team", "anything",
        "{\"apiGroups\":[\"*\"],\"resources\":[\"*\"],\"verbs\":[\"*\"]}"));
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
  }

  @Test
  void updateRole_onlyFinalizersChanged_allowedEvenIfTheRoleExceedsTheWriter() {
    admin("POST", RBAC + "namespaces/team/roles", role("team", "big",
        "{\"apiGroups\":[\"*\"],\"resources\":[\"*\"],\"verbs\":[\"*\"]}"));
    ApiResponse r = api.sendAs(BOB, "PATCH", RBAC + "namespaces/team/roles/big",
        "{\"metadata\":{\"finalizers\":[\"example.com/keep\"]}}", "Content-Type",
        "application/merge-patch+json");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    ApiResponse rules = api.sendAs(BOB, "PATCH", RBAC + "namespaces/team/roles/big",
        "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}", "Content-Type", "application/merge-patch+json");
    assertThat(rules.status()).isEqualTo(403);
  }

  @Test
  void createRoleBinding_roleNotHeld_forbidden_withBindVerb_allowed() {
    ApiResponse denied = bob("POST", RBAC + "namespaces/team/rolebindings", binding("team",
        "secrets", "ClusterRole", "secret-reader", "bob"));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.bodyText()).contains("\"message\":\"rolebindings.rbac.authorization.k8s.io "
        + "\\\"secrets\\\" is forbidden: user \\\"bob\\\" (groups=[\\\"system:authenticated\\\"]) is "
        + "attempting to grant RBAC permissions not currently held:\\n{APIGroups:[\\\"\\\"], "
        + "Resources:[\\\"secrets\\\"], Verbs:[\\\"get\\\"]}\"");
    admin("POST", RBAC + "namespaces/team/roles", role("team", "binder",
        "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"clusterroles\"],"
            + "\"verbs\":[\"bind\"],\"resourceNames\":[\"secret-reader\"]}"));
    admin("POST", RBAC + "namespaces/team/rolebindings", binding("team", "binder", "Role",
        "binder", "bob"));
    ApiResponse allowed = bob("POST", RBAC + "namespaces/team/rolebindings", binding("team",
        "secrets", "ClusterRole", "secret-reader", "bob"));
    assertThat(allowed.status()).as(allowed.bodyText()).isEqualTo(201);
  }

  @Test
  void createRoleBinding_missingRole_notFoundFromTheRegistry() {
    ApiResponse r = bob("POST", RBAC + "namespaces/team/rolebindings", binding("team", "x",
        "ClusterRole", "nope", "bob"));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.bodyText()).contains("\"message\":\"clusterroles.rbac.authorization.k8s.io "
        + "\\\"nope\\\" not found\"");
  }

  @Test
  void createClusterRole_aggregationRule_needsFullAuthority() {
    admin("POST", RBAC + "clusterroles", role("", "cr-writer",
        "{\"apiGroups\":[\"rbac.authorization.k8s.io\"],\"resources\":[\"clusterroles\"],\"verbs\":[\"create\"]}"));
    admin("POST", RBAC + "clusterrolebindings", binding("", "cr-writer", "ClusterRole",
        "cr-writer", "bob"));
    ApiResponse r = bob("POST", RBAC + "clusterroles", "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\","
        + "\"kind\":\"ClusterRole\",\"metadata\":{\"name\":\"agg\"},\"aggregationRule\":{"
        + "\"clusterRoleSelectors\":[{\"matchLabels\":{\"a\":\"b\"}}]}}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.bodyText()).contains("\"message\":\"clusterroles.rbac.authorization.k8s.io "
        + "\\\"agg\\\" is forbidden: must have cluster-admin privileges to use the aggregationRule\"");
  }

  @Test
  void create_systemMasters_neverChecked() {
    admin("POST", RBAC + "clusterroles", role("", "all",
        "{\"apiGroups\":[\"*\"],\"resources\":[\"*\"],\"verbs\":[\"*\"]}"));
  }
}

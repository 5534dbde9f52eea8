package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Server-side apply and managed fields through the REST handlers. */
class ApplyHandlerTest {

  private static final String CM = "/api/v1/namespaces/default/configmaps";
  private static final String DEPLOY = "/apis/apps/v1/namespaces/default/deployments";
  private static final String APPLY = "application/apply-patch+yaml";

  private final RestFixture api = new RestFixture();

  private ApiResponse apply(String uri, String body) {
    return api.send("PATCH", uri, body, "Content-Type", APPLY);
  }

  private static String deployment(int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: %d
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx
        """.formatted(replicas);
  }

  @Test
  void apply_missingObject_createsItWithApplyEntry() {
    ApiResponse r = apply(DEPLOY + "/web?fieldManager=kubectl", deployment(2));
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    assertThat(r.bodyText()).contains("\"namespace\":\"default\"", "\"uid\":\"",
        "\"managedFields\":[{\"manager\":\"kubectl\",\"operation\":\"Apply\",\"apiVersion\":"
            + "\"apps/v1\",\"time\":\"2025-01-01T00:00:00Z\",\"fieldsType\":\"FieldsV1\","
            + "\"fieldsV1\":{\"f:spec\":{\"f:replicas\":{},\"f:selector\":{},");
    ApiResponse again = apply(DEPLOY + "/web?fieldManager=kubectl", deployment(3));
    assertThat(again.status()).as(again.bodyText()).isEqualTo(200);
    assertThat(again.bodyText()).contains("\"replicas\":3", "\"generation\":2");
  }

  @Test
  void apply_fieldChangedByAnotherManager_conflictsUntilForced() {
    apply(DEPLOY + "/web?fieldManager=kubectl", deployment(2));
    ApiResponse patched = api.send("PATCH", DEPLOY + "/web?fieldManager=kubectl-edit",
        "{\"spec\":{\"replicas\":5}}", "Content-Type", "application/merge-patch+json");
    assertThat(patched.bodyText()).contains("\"manager\":\"kubectl-edit\",\"operation\":"
        + "\"Update\",\"apiVersion\":\"apps/v1\"", "{\"f:spec\":{\"f:replicas\":{}}}");
    ApiResponse conflict = apply(DEPLOY + "/web?fieldManager=kubectl", deployment(3));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.bodyText()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
        + "\"metadata\":{},\"status\":\"Failure\",\"message\":\"Apply failed with 1 conflict: "
        + "conflict with \\\"kubectl-edit\\\" using apps/v1: .spec.replicas\",\"reason\":"
        + "\"Conflict\",\"details\":{\"causes\":[{\"reason\":\"FieldManagerConflict\",\"message\":"
        + "\"conflict with \\\"kubectl-edit\\\" using apps/v1\",\"field\":\".spec.replicas\"}]},"
        + "\"code\":409}\n");
    ApiResponse forced = apply(DEPLOY + "/web?fieldManager=kubectl&force=true", deployment(3));
    assertThat(forced.status()).isEqualTo(200);
    assertThat(forced.bodyText()).contains("\"replicas\":3").doesNotContain("kubectl-edit");
  }

  @Test
  void apply_labelNoLongerApplied_isRemoved() {
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {a: '1'%s}\n";
    apply(CM + "/c?fieldManager=m", cm.formatted(", b: '2'"));
    ApiResponse r = apply(CM + "/c?fieldManager=m", cm.formatted(""));
    assertThat(r.bodyText()).contains("\"labels\":{\"a\":\"1\"}");
  }

  @Test
  void apply_dryRun_persistsNothing() {
    ApiResponse r = apply(CM + "/dry?fieldManager=m&dryRun=All",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dry}\n");
    assertThat(r.status()).isEqualTo(201);
    assertThat(api.json("GET", CM + "/dry", "").status()).isEqualTo(404);
  }

  private record Case(String name, String uri, String body, int code, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> failures() {
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n";
    return Stream.of(
        new Case("no field manager", CM + "/c", cm, 422, "PatchOptions.meta.k8s.io \\\"\\\" is "
            + "invalid: fieldManager: Required value: is required for apply patch"),
        new Case("other kind", CM + "/c?fieldManager=m", "apiVersion: v1\nkind: Secret\n"
            + "metadata: {name: c}\n", 400, "invalid object type: /v1, Kind=Secret"),
        new Case("other name", CM + "/c?fieldManager=m", "apiVersion: v1\nkind: ConfigMap\n"
            + "metadata: {name: d}\n", 400,
            "the name of the object (d) does not match the name on the URL (c)"),
        new Case("no name", CM + "/c?fieldManager=m", "apiVersion: v1\nkind: ConfigMap\n", 400,
            "the name of the object (c based on URL) was undeterminable: name must be provided"),
        new Case("other namespace", CM + "/c?fieldManager=m", "apiVersion: v1\nkind: ConfigMap\n"
            + "metadata: {name: c, namespace: kube-system}\n", 400, "the namespace of the object "
            + "(kube-system) does not match the namespace on the request (default)"),
        new Case("uid on create", CM + "/c?fieldManager=m", "apiVersion: v1\nkind: ConfigMap\n"
            + "metadata: {name: c, uid: x}\n", 409, "Operation cannot be fulfilled on configmaps "
            + "\\\"c\\\": uid mismatch: the provided object specified uid x, and no existing "
            + "object was found"),
        new Case("list body", CM + "/c?fieldManager=m", "[1]", 400,
            "error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot "
                + "unmarshal array into Go value of type map[string]interface {}"),
        new Case("bad force", CM + "/c?fieldManager=m&force=maybe", cm, 400,
            "strconv.ParseBool: parsing \\\"maybe\\\": invalid syntax"),
        new Case("control character", CM + "/c?fieldManager=a%07", cm, 422,
            "fieldManager: Invalid value: \\\"a\\\\a\\\": invalid character U+0007 (at position 1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void apply_badRequest_returnsUpstreamStatus(Case c) {
    ApiResponse r = apply(c.uri(), c.body());
    assertThat(r.status()).as(r.bodyText()).isEqualTo(c.code());
    assertThat(r.bodyText()).contains(c.message());
  }

  @Test
  void patch_forceOnNonApplyPatch_isInvalid() {
    api.json("POST", CM, "{\"metadata\":{\"name\":\"c\"}}");
    ApiResponse r = api.send("PATCH", CM + "/c?force=true", "{}", "Content-Type",
        "application/merge-patch+json");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.bodyText()).contains("PatchOptions.meta.k8s.io \\\"\\\" is invalid: force: "
        + "Forbidden: may not be specified for non-apply patch");
  }

  @Test
  void patch_unsupportedType_listsApply() {
    ApiResponse r = api.send("PATCH", CM + "/c", "{}", "Content-Type",
        "application/apply-patch+cbor");
    assertThat(r.status()).isEqualTo(415);
    assertThat(r.bodyText()).contains("accepted media types include: application/json-patch+json,"
        + " application/merge-patch+json, application/strategic-merge-patch+json, "
        + "application/apply-patch+yaml");
  }

  @Test
  void create_withoutFieldManager_usesUserAgentPrefix() {
    ApiResponse r = api.send("POST", CM, "{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"b\"}}",
        "Content-Type", "application/json", "User-Agent",
        "kubectl/v1.33.0 (linux/amd64) kubernetes/abc");
    assertThat(r.bodyText()).contains("\"managedFields\":[{\"manager\":\"kubectl\",\"operation\":"
        + "\"Update\",\"apiVersion\":\"v1\"", "\"fieldsV1\":{\"f:data\":{\".\":{},\"f:a\":{}}}");
  }

  @Test
  void update_emptyManagedFields_resetsThem() {
    api.send("POST", CM + "?fieldManager=kubectl-create",
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"b\"}}", "Content-Type",
        "application/json");
    ApiResponse r = api.json("PUT", CM + "/c", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
        + "\"metadata\":{\"name\":\"c\",\"managedFields\":[]},\"data\":{\"a\":\"b\"}}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).doesNotContain("managedFields");
    ApiResponse kept = api.json("PUT", CM + "/c?fieldManager=kubectl-replace",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},"
            + "\"data\":{\"a\":\"c\"}}");
    assertThat(kept.bodyText()).doesNotContain("managedFields");
  }

  @Test
  void apply_creatingWithoutCreatePermission_isForbidden() {
    RestFixture restricted = new RestFixture(user -> WriteAdmission.NONE,
        attributes -> AuthorizationResult.of(attributes.verb().equals("create")
            ? Decision.NO_OPINION : Decision.ALLOW, ""));
    UserInfo jane = new UserInfo("jane", "", List.of("system:authenticated"), Map.of());
    ApiResponse r = restricted.sendAs(jane, "PATCH", CM + "/c?fieldManager=m",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", "Content-Type", APPLY);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.bodyText()).contains("configmaps \\\"c\\\" is forbidden: ");
  }
}

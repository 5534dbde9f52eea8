package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DeleteOptions' garbage-collection fields through the REST handlers. */
class DeletePropagationRequestTest {

  private static final String CMS = "/api/v1/namespaces/default/configmaps";
  private static final String JOBS = "/apis/batch/v1/namespaces/default/jobs";
  private static final String JOB = "{\"metadata\":{\"name\":\"j\"},\"spec\":{\"template\":{"
      + "\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}}}";

  private final RestFixture rest = new RestFixture();

  private static Unstructured object(ApiResponse r) {
    return Unstructured.wrap(BodyDecoder.object(BodyDecoder.decode(r.body(), "application/json")));
  }

  private void created(String uri, String body) {
    ApiResponse r = rest.json("POST", uri, body);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
  }

  private record Case(String name, String uri, String body, int status, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<Case> invalid() {
    return Stream.of(
        new Case("policy with orphanDependents", CMS + "/c",
            "{\"orphanDependents\":true,\"propagationPolicy\":\"Orphan\"}", 422,
            "DeleteOptions.meta.k8s.io \\\"\\\" is invalid: propagationPolicy: Invalid value: "
                + "\\\"Orphan\\\": orphanDependents and deletionPropagation cannot be both set"),
        new Case("unknown policy", CMS + "/c?propagationPolicy=Later", "", 422,
            "DeleteOptions.meta.k8s.io \\\"\\\" is invalid: propagationPolicy: Unsupported "
                + "value: \\\"Later\\\": supported values: \\\"Foreground\\\", \\\"Background\\\", "
                + "\\\"Orphan\\\", \\\"nil\\\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void delete_invalidOptions_upstreamStatus(Case c) {
    created(CMS, "{\"metadata\":{\"name\":\"c\"}}");

    ApiResponse r = rest.send("DELETE", c.uri(), c.body(), "Content-Type", "application/json");

    assertThat(r.status()).isEqualTo(c.status());
    assertThat(r.bodyText()).contains("\"message\":\"" + c.message() + "\"")
        .contains("\"reason\":\"Invalid\"");
    assertThat(rest.store.get("/registry/configmaps/default/c").kv()).isPresent();
  }

  @Test
  void delete_foreground_markedWithFinalizer() {
    created(CMS, "{\"metadata\":{\"name\":\"c\"}}");

    ApiResponse r = rest.send("DELETE", CMS + "/c?propagationPolicy=Foreground", "");

    assertThat(r.status()).isEqualTo(200);
    Unstructured body = object(r);
    assertThat(body.metadata()).containsKey("deletionTimestamp")
        .containsEntry("deletionGracePeriodSeconds", 0L)
        .containsEntry("finalizers", java.util.List.of("foregroundDeletion"));
  }

  @Test
  void delete_orphanDependentsFalseWithPendingFinalizer_accepted() {
    created(CMS, "{\"metadata\":{\"name\":\"c\",\"finalizers\":[\"example.com/hold\"]}}");

    ApiResponse r = rest.send("DELETE", CMS + "/c", "{\"orphanDependents\":false}",
        "Content-Type", "application/json");

    assertThat(r.status()).isEqualTo(202);
    assertThat(Registry.finalizers(object(r))).containsExactly("example.com/hold");
  }

  @Test
  void delete_orphanDependentsFalse_deletedAtOnce() {
    created(CMS, "{\"metadata\":{\"name\":\"c\"}}");

    ApiResponse r = rest.send("DELETE", CMS + "/c", "{\"orphanDependents\":false}",
        "Content-Type", "application/json");

    assertThat(r.status()).isEqualTo(200);
    assertThat(rest.store.get("/registry/configmaps/default/c").kv()).isEmpty();
  }

  @Test
  void delete_againWithBackground_foregroundFinalizerDroppedAndObjectGone() {
    created(CMS, "{\"metadata\":{\"name\":\"c\"}}");
    rest.send("DELETE", CMS + "/c?propagationPolicy=Foreground", "");

    ApiResponse r = rest.send("DELETE", CMS + "/c?propagationPolicy=Background", "");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).startsWith("{\"kind\":\"Status\"");
    assertThat(rest.store.get("/registry/configmaps/default/c").kv()).isEmpty();
  }

  @Test
  void delete_jobWithoutPolicy_orphanFinalizerAndWarning() {
    created(JOBS, JOB);

    ApiResponse r = rest.send("DELETE", JOBS + "/j", "");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().get("Warning")).isEqualTo("299 - \""
        + DeletionPropagation.JOB_ORPHAN_WARNING + "\"");
    assertThat(Registry.finalizers(object(r))).containsExactly("orphan");
  }

  @Test
  void deleteCollection_jobsWithoutPolicy_warnedOnce() {
    created(JOBS, JOB);

    ApiResponse r = rest.send("DELETE", JOBS, "");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().get("Warning")).isEqualTo("299 - \""
        + DeletionPropagation.JOB_ORPHAN_WARNING + "\"");
  }

  @Test
  void delete_namespaceWithOrphan_terminatingWithOrphanFinalizer() {
    created("/api/v1/namespaces", "{\"metadata\":{\"name\":\"team\"}}");

    ApiResponse r = rest.send("DELETE", "/api/v1/namespaces/team?propagationPolicy=Orphan", "");

    Unstructured ns = object(r);
    assertThat(Registry.finalizers(ns)).containsExactly("orphan");
    assertThat(ns.get("status", "phase")).contains("Terminating");
  }

  private static Stream<Case> invalidMetadata() {
    return Stream.of(
        new Case("both deletion finalizers", CMS, "{\"metadata\":{\"name\":\"x\",\"finalizers\":"
            + "[\"orphan\",\"foregroundDeletion\"]}}", 422,
            "ConfigMap \\\"x\\\" is invalid: metadata.finalizers: Invalid value: "
                + "[]string{\\\"orphan\\\", \\\"foregroundDeletion\\\"}: finalizer orphan and "
                + "foregroundDeletion cannot be both set"),
        new Case("owner reference without uid", CMS, "{\"metadata\":{\"name\":\"x\","
            + "\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"o\"}]}}",
            422, "ConfigMap \\\"x\\\" is invalid: metadata.ownerReferences.uid: Invalid value: "
                + "\\\"\\\": must not be empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidMetadata")
  void create_invalidMetadata_upstreamStatus(Case c) {
    ApiResponse r = rest.json("POST", c.uri(), c.body());

    assertThat(r.status()).isEqualTo(c.status());
    assertThat(r.bodyText()).contains("\"message\":\"" + c.message() + "\"");
  }
}

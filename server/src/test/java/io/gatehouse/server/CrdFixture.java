package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.server.crd.cel.CelObjectRules;
import io.gatehouse.server.crd.cel.CelRuleCompiler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A {@link RestFixture} serving CustomResourceDefinitions: the CRD strategy on the CRD resource
 * and a CRD controller that runs when {@link #settle()} is called (finalizers inline). Not
 * thread-safe.
 */
final class CrdFixture {

  static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  final RestFixture api = new RestFixture();
  final CrdController controller;

  CrdFixture() {
    api.table.setBehavior(new GroupResource("apiextensions.k8s.io", "customresourcedefinitions"),
        new CrdBehavior(CelRuleCompiler.DEFAULT));
    controller = new CrdController(api.registry, api.table, ResourceCatalog.builtin(),
        Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC),
        (crd, version) -> CelObjectRules.of(version.schema()), Runnable::run);
  }

  /** Runs the controllers until the CRDs settle (naming, establishing, finalizing). */
  void settle() {
    for (int i = 0; i < 4; i++) {
      controller.reconcile();
    }
  }

  /** Creates the CRD, failing the test unless it is created, and settles the controllers. */
  void create(TestCrds.Crd crd) {
    ApiResponse r = yaml("POST", CRDS, crd.yaml());
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    settle();
  }

  ApiResponse yaml(String method, String uri, String body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/yaml";
    System.arraycopy(headers, 0, all, 2, headers.length);
    // a body starting with "{" would be read as JSON
    return api.send(method, uri, body.startsWith("{") ? "---\n" + body : body, all);
  }
}

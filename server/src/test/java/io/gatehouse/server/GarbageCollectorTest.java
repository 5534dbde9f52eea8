package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GarbageCollectorTest {

  private static final String CMS = "/api/v1/namespaces/default/configmaps";

  private final RestFixture rest = new RestFixture();
  private final GarbageCollector gc = new GarbageCollector(rest.registry, rest.table);

  private String post(String uri, String body) {
    ApiResponse r = rest.json("POST", uri, body);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    return (String) Unstructured.wrap(BodyDecoder.object(BodyDecoder.decode(r.body(),
        "application/json"))).metadata().get("uid");
  }

  /** Creates ConfigMap {@code name} in default with {@code refs} and {@code finalizers}. */
  private String configMap(String name, List<String> refs, String... finalizers) {
    String fin = finalizers.length == 0 ? "" : ",\"finalizers\":[\"" + String.join("\",\"",
        finalizers) + "\"]";
    return post(CMS, "{\"metadata\":{\"name\":\"" + name + "\",\"ownerReferences\":["
        + String.join(",", refs) + "]" + fin + "},\"data\":{\"k\":\"v\"}}");
  }

  private static String ref(String apiVersion, String kind, String name, String uid,
      boolean block) {
    return "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",\"name\":\"" + name
        + "\",\"uid\":\"" + uid + "\",\"blockOwnerDeletion\":" + block + "}";
  }

  private static String cmRef(String name, String uid) {
    return ref("v1", "ConfigMap", name, uid, false);
  }

  private Optional<Unstructured> configMap(String name) {
    return rest.store.get("/registry/configmaps/default/" + name).kv().map(ObjectBytes::read);
  }

  private void delete(String uri) {
    ApiResponse r = rest.send("DELETE", uri, "");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
  }

  private void removeFinalizers(String name) {
    ApiResponse r = rest.send("PATCH", CMS + "/" + name, "{\"metadata\":{\"finalizers\":null}}",
        "Content-Type", "application/merge-patch+json");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
  }

  @Test
  void deleteOwner_background_dependentCollected() throws Exception {
    String owner = configMap("owner", List.of());
    configMap("dependent", List.of(cmRef("owner", owner)));
    configMap("bystander", List.of());
    gc.runUntilQuiet();

    delete(CMS + "/owner?propagationPolicy=Background");
    gc.runUntilQuiet();

    assertThat(configMap("owner")).isEmpty();
    assertThat(configMap("dependent")).isEmpty();
    assertThat(configMap("bystander")).isPresent();
  }

  @Test
  void deleteOwner_orphan_referenceRemovedAndOwnerGone() throws Exception {
    String owner = configMap("owner", List.of());
    String other = configMap("other", List.of());
    configMap("dependent", List.of(cmRef("owner", owner), cmRef("other", other)));
    configMap("only", List.of(cmRef("owner", owner)));
    gc.runUntilQuiet();

    delete(CMS + "/owner?propagationPolicy=Orphan");
    assertThat(Registry.finalizers(configMap("owner").orElseThrow())).containsExactly("orphan");
    gc.runUntilQuiet();

    assertThat(configMap("owner")).isEmpty();
    assertThat(OwnerReference.of(configMap("dependent").orElseThrow()))
        .extracting(OwnerReference::uid).containsExactly(other);
    assertThat(configMap("only").orElseThrow().metadata()).doesNotContainKey("ownerReferences");
  }

  @Test
  void deleteOwner_foreground_ownerStaysUntilBlockingDependentGone() throws Exception {
    String owner = configMap("owner", List.of());
    configMap("blocking", List.of(ref("v1", "ConfigMap", "owner", owner, true)),
        "example.com/hold");
    configMap("loose", List.of(cmRef("owner", owner)));
    gc.runUntilQuiet();

    delete(CMS + "/owner?propagationPolicy=Foreground");
    gc.runUntilQuiet();

    Unstructured waiting = configMap("owner").orElseThrow();
    assertThat(waiting.metadata()).containsKey("deletionTimestamp");
    assertThat(Registry.finalizers(waiting)).containsExactly("foregroundDeletion");
    assertThat(configMap("blocking").orElseThrow().metadata()).containsKey("deletionTimestamp");
    assertThat(configMap("loose")).isEmpty();

    removeFinalizers("blocking");
    gc.runUntilQuiet();

    assertThat(configMap("blocking")).isEmpty();
    assertThat(configMap("owner")).isEmpty();
  }

  @Test
  void deleteOwner_foregroundWithoutBlockingDependents_ownerGoneDependentsCollected()
      throws Exception {
    String owner = configMap("owner", List.of());
    configMap("held", List.of(cmRef("owner", owner)), "example.com/hold");
    gc.runUntilQuiet();

    delete(CMS + "/owner?propagationPolicy=Foreground");
    gc.runUntilQuiet();

    assertThat(configMap("owner")).isEmpty();
    assertThat(configMap("held").orElseThrow().metadata()).containsKey("deletionTimestamp");
  }

  @Test
  void fullPass_ownerReplacedWhileStopped_dependentOfOldUidCollected() throws Exception {
    String old = configMap("owner", List.of());
    configMap("dependent", List.of(cmRef("owner", old)));
    delete(CMS + "/owner");
    String replacement = configMap("owner", List.of());
    configMap("current", List.of(cmRef("owner", replacement)));

    gc.runUntilQuiet();

    assertThat(configMap("dependent")).isEmpty();
    assertThat(configMap("current")).isPresent();
    assertThat(configMap("owner")).isPresent();
  }

  @Test
  void fullPass_deletionsPendingAtStart_finished() throws Exception {
    String orphaning = configMap("orphaning", List.of());
    configMap("orphaned", List.of(cmRef("orphaning", orphaning)));
    String waiting = configMap("waiting", List.of());
    configMap("blocking", List.of(ref("v1", "ConfigMap", "waiting", waiting, true)));
    delete(CMS + "/orphaning?propagationPolicy=Orphan");
    delete(CMS + "/waiting?propagationPolicy=Foreground");

    gc.runUntilQuiet();

    assertThat(configMap("orphaning")).isEmpty();
    assertThat(configMap("orphaned").orElseThrow().metadata()).doesNotContainKey("ownerReferences");
    assertThat(configMap("waiting")).isEmpty();
    assertThat(configMap("blocking")).isEmpty();
  }

  @Test
  void attemptToDelete_solidAndDanglingOwners_onlyDanglingReferenceRemoved() throws Exception {
    String alive = configMap("alive", List.of());
    configMap("dependent", List.of(cmRef("alive", alive),
        cmRef("ghost", "00000000-0000-0000-0000-000000000000")));

    gc.runUntilQuiet();

    assertThat(OwnerReference.of(configMap("dependent").orElseThrow()))
        .extracting(OwnerReference::name).containsExactly("alive");
  }

  @Test
  void deleteOwner_clusterScopedOwner_namespacedDependentCollected() throws Exception {
    String owner = post("/apis/rbac.authorization.k8s.io/v1/clusterroles",
        "{\"metadata\":{\"name\":\"owner-role\"},\"rules\":[]}");
    configMap("dependent", List.of(ref("rbac.authorization.k8s.io/v1", "ClusterRole",
        "owner-role", owner, false)));
    gc.runUntilQuiet();
    assertThat(configMap("dependent")).isPresent();

    delete("/apis/rbac.authorization.k8s.io/v1/clusterroles/owner-role");
    gc.runUntilQuiet();

    assertThat(configMap("dependent")).isEmpty();
  }

  @Test
  void attemptToDelete_unresolvableOrInvalidOwners_kept() throws Exception {
    configMap("unknown-kind", List.of(ref("example.com/v1", "Widget", "w", "u-1", false)));
    post("/apis/rbac.authorization.k8s.io/v1/clusterroles", "{\"metadata\":{\"name\":\"r\","
        + "\"ownerReferences\":[" + cmRef("missing", "u-2") + "]},\"rules\":[]}");
    post("/api/v1/namespaces/default/events", "{\"metadata\":{\"name\":\"e\","
        + "\"ownerReferences\":[" + cmRef("missing", "u-3") + "]},\"involvedObject\":{}}");

    gc.runUntilQuiet();

    assertThat(configMap("unknown-kind")).isPresent();
    assertThat(rest.store.get("/registry/rbac.authorization.k8s.io/clusterroles/r").kv()).isPresent();
    assertThat(rest.store.get("/registry/events/default/e").kv()).isPresent();
  }

  @Test
  void attemptToDelete_ownerWaitingForDependents_referenceDroppedForSolidOwner()
      throws Exception {
    String owner = configMap("owner", List.of());
    String keeper = configMap("keeper", List.of());
    configMap("shared", List.of(ref("v1", "ConfigMap", "owner", owner, true),
        cmRef("keeper", keeper)));
    gc.runUntilQuiet();

    delete(CMS + "/owner?propagationPolicy=Foreground");
    gc.runUntilQuiet();

    assertThat(configMap("owner")).isEmpty();
    assertThat(OwnerReference.of(configMap("shared").orElseThrow()))
        .extracting(OwnerReference::uid).containsExactly(keeper);
  }

  @Test
  void deleteOwner_chainInForeground_grandchildFirst() throws Exception {
    String owner = configMap("owner", List.of());
    String child = configMap("child", List.of(ref("v1", "ConfigMap", "owner", owner, true)));
    configMap("grandchild", List.of(ref("v1", "ConfigMap", "child", child, true)),
        "example.com/hold");
    gc.runUntilQuiet();

    delete(CMS + "/owner?propagationPolicy=Foreground");
    gc.runUntilQuiet();

    assertThat(Registry.finalizers(configMap("child").orElseThrow()))
        .containsExactly("foregroundDeletion");
    assertThat(configMap("owner")).isPresent();

    removeFinalizers("grandchild");
    gc.runUntilQuiet();

    assertThat(configMap("grandchild")).isEmpty();
    assertThat(configMap("child")).isEmpty();
    assertThat(configMap("owner")).isEmpty();
  }
}

package io.gatehouse.server.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class FieldManagerTest {

  private static final GroupVersionKind DEPLOYMENT = new GroupVersionKind("apps", "v1",
      "Deployment");
  private static final GroupVersionKind CONFIG_MAP = new GroupVersionKind("", "v1", "ConfigMap");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
      ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static FieldManager manager(GroupVersionKind kind, boolean hasStatus,
      String subresource) {
    return FieldManager.create(new BuiltinApplySchema(), kind, subresource,
        ResetFields.of(hasStatus, subresource), CLOCK);
  }

  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> obj(String yaml) {
    return (Map<String, @Nullable Object>) Scenario.yaml(yaml);
  }

  static String json(@Nullable Object v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String WEB = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: default
        labels: {app: web}
      spec:
        replicas: 2
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
            """;

  @Test
  void apply_createDeployment_recordsUpstreamFieldsV1() {
    Unstructured out = manager(DEPLOYMENT, true, "").apply(null, obj(WEB), "kubectl", false);
    assertThat(json(out.metadata().get("managedFields"))).isEqualTo("[{\"manager\":\"kubectl\","
        + "\"operation\":\"Apply\",\"apiVersion\":\"apps/v1\",\"time\":\"2025-01-01T00:00:00Z\","
        + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},"
        + "\"f:spec\":{\"f:replicas\":{},\"f:selector\":{},\"f:template\":{\"f:metadata\":"
        + "{\"f:labels\":{\"f:app\":{}}},\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":"
        + "\\\"nginx\\\"}\":{\".\":{},\"f:image\":{},\"f:name\":{},\"f:ports\":{\"k:{\\\""
        + "containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:containerPort\":{}}}"
        + "}}}}}}}]");
    assertThat(out.get("spec", "replicas")).contains(2L);
  }

  @Test
  void update_create_recordsAddedMapsAsMembers() {
    Unstructured created = Unstructured.wrap(obj("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, labels: {a: b}}
        data: {x: y}
        """));
    Unstructured out = manager(CONFIG_MAP, false, "").update(null, created, "kubectl-create");
    assertThat(json(out.metadata().get("managedFields"))).isEqualTo("[{\"manager\":"
        + "\"kubectl-create\",\"operation\":\"Update\",\"apiVersion\":\"v1\",\"time\":"
        + "\"2025-01-01T00:00:00Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:data\":{\".\":"
        + "{},\"f:x\":{}},\"f:metadata\":{\"f:labels\":{\".\":{},\"f:a\":{}}}}}]");
  }

  private Unstructured scaled(FieldManager fm, Unstructured live, long replicas, String by) {
    Unstructured next = live.deepCopy();
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) next.object().get("spec");
    spec.put("replicas", replicas);
    return fm.update(live, next, by);
  }

  private static Unstructured persisted(Unstructured obj) {
    obj.metadataForWrite().put("uid", "u-1");
    return obj;
  }

  @Test
  void apply_changeOfFieldOwnedByUpdater_conflictsWithUpstreamMessage() {
    FieldManager fm = manager(DEPLOYMENT, true, "");
    Unstructured live = persisted(fm.apply(null, obj(WEB), "kubectl", false));
    live = scaled(fm, live, 5, "kubectl-edit");
    Unstructured current = live;
    Map<String, @Nullable Object> config = obj(WEB.replace("replicas: 2", "replicas: 3"));
    assertThatThrownBy(() -> fm.apply(current, config, "kubectl", false))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.status()).isEqualTo(
            new Status("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using "
                + "apps/v1: .spec.replicas", io.gatehouse.api.StatusReason.CONFLICT,
                new Status.Details("", "", "", List.of(new Status.Cause("FieldManagerConflict",
                    "conflict with \"kubectl-edit\" using apps/v1", ".spec.replicas"))), 409)));

    Unstructured forced = fm.apply(current, config, "kubectl", true);
    assertThat(forced.get("spec", "replicas")).contains(3L);
    assertThat(json(forced.metadata().get("managedFields")))
        .doesNotContain("kubectl-edit");
  }

  @Test
  void apply_severalConflicts_groupsByManager() {
    FieldManager fm = manager(CONFIG_MAP, false, "");
    Unstructured live = persisted(fm.apply(null, obj(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: '1', b: '2'}"), "one",
        false));
    live = persisted(fm.apply(live, obj(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {c: '3'}"), "two",
        false));
    Unstructured current = live;
    assertThatThrownBy(() -> fm.apply(current, obj("apiVersion: v1\nkind: ConfigMap\n"
        + "metadata: {name: c}\ndata: {a: x, b: y, c: z}"), "three", false))
        .hasMessage("Apply failed with 3 conflicts: conflicts with \"one\":\n- .data.a\n"
            + "- .data.b\nconflicts with \"two\":\n- .data.c");
  }

  @Test
  void apply_fieldNoLongerApplied_isRemovedUnlessOthersOwnIt() {
    FieldManager fm = manager(CONFIG_MAP, false, "");
    Unstructured live = persisted(fm.apply(null, obj("apiVersion: v1\nkind: ConfigMap\n"
        + "metadata: {name: c, labels: {a: '1', b: '2'}}\ndata: {x: '1', y: '2'}"), "kubectl",
        false));
    Unstructured edited = live.deepCopy();
    fm.update(live, edited, "other");
    Unstructured next = fm.apply(live, obj("apiVersion: v1\nkind: ConfigMap\n"
        + "metadata: {name: c, labels: {a: '1'}}\ndata: {x: '1'}"), "kubectl", false);
    assertThat(next.labels()).containsOnlyKeys("a");
    assertThat(next.object().get("data")).isEqualTo(Map.of("x", "1"));
  }

  @Test
  void apply_untrackedObject_givesExistingFieldsToBeforeFirstApply() {
    FieldManager fm = manager(CONFIG_MAP, false, "");
    Unstructured live = Unstructured.wrap(obj("apiVersion: v1\nkind: ConfigMap\n"
        + "metadata: {name: c, uid: u-1}\ndata: {a: '1'}"));
    assertThatThrownBy(() -> fm.apply(live, obj("apiVersion: v1\nkind: ConfigMap\n"
        + "metadata: {name: c}\ndata: {a: '2'}"), "kubectl", false))
        .hasMessage("Apply failed with 1 conflict: conflict with \"before-first-apply\" using "
            + "v1: .data.a");
  }

  @Test
  void apply_noChange_keepsTime() {
    FieldManager first = manager(CONFIG_MAP, false, "");
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: '1'}";
    Unstructured live = persisted(first.apply(null, obj(cm), "kubectl", false));
    FieldManager later = FieldManager.create(new BuiltinApplySchema(), CONFIG_MAP, "",
        ResetFields.NONE, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    Unstructured again = later.apply(live, obj(cm), "kubectl", false);
    assertThat(json(again.metadata().get("managedFields"))).contains("2025-01-01T00:00:00Z");
  }

  private record Invalid(String config, int code, String message) {}

  @Test
  void apply_invalidConfiguration_failsAsUpstream() {
    FieldManager fm = manager(DEPLOYMENT, true, "");
    for (Invalid c : List.of(
        new Invalid("apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: web}", 400,
            "invalid object type: apps/v1, Kind=ReplicaSet"),
        new Invalid("kind: Deployment\nmetadata: {name: web}", 400,
            "invalid object type: /, Kind=Deployment"),
        new Invalid("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, "
            + "managedFields: []}", 400, "metadata.managedFields must be nil"),
        new Invalid("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: d}"
            + "\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n"
            + "      - name: a", 500, "failed to create typed patch object (d/web; apps/v1, "
            + "Kind=Deployment): .spec.template.spec.containers: duplicate entries for key "
            + "[name=\"a\"]"),
        new Invalid("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"
            + "spec:\n  template:\n    spec:\n      hostAliases:\n      - hostnames: [a]", 500,
            "failed to create typed patch object (/web; apps/v1, Kind=Deployment): "
            + ".spec.template.spec.hostAliases: element 0: associative list with keys has an "
            + "element that omits key field \"ip\" (and doesn't have default value)"))) {
      assertThatThrownBy(() -> fm.apply(null, obj(c.config()), "m", false)).as(c.config())
          .isInstanceOfSatisfying(StatusException.class, e -> {
            assertThat(e.status().code()).isEqualTo(c.code());
            assertThat(e.status().message()).isEqualTo(c.message());
          });
    }
  }
}

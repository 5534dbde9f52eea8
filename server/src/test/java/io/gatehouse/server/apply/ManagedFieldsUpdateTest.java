package io.gatehouse.server.apply;

import static io.gatehouse.server.apply.FieldManagerTest.json;
import static io.gatehouse.server.apply.FieldManagerTest.obj;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Update-side bookkeeping: the cap on update managers (case data of kube's {@code
 * capmanagers_test.go}), reset rules, invalid managed fields, subresource managers, merging of a
 * manager's updates.
 */
class ManagedFieldsUpdateTest {

  private static final GroupVersionKind POD = new GroupVersionKind("", "v1", "Pod");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
      ZoneOffset.UTC);

  private static Map<String, Object> entry(String manager, String version, int hour,
      String... fields) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("manager", manager);
    e.put("operation", "Update");
    e.put("apiVersion", version);
    e.put("time", Instant.parse("0001-01-01T00:00:00Z").plusSeconds(3600L * hour).toString());
    e.put("fieldsType", "FieldsV1");
    Map<String, Object> f = new LinkedHashMap<>();
    for (String field : fields) {
      f.put("f:" + field, new LinkedHashMap<>());
    }
    e.put("fieldsV1", f);
    return e;
  }

  private record Case(String name, List<Map<String, Object>> input,
      List<Map<String, Object>> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> caps() {
    return Stream.of(
        new Case("one version, no ancient changes", List.of(
            entry("update-manager1", "v1", 1, "a"), entry("update-manager2", "v1", 2, "b"),
            entry("update-manager3", "v1", 3, "c"), entry("update-manager4", "v1", 4, "d")),
            List.of(entry("ancient-changes", "v1", 2, "a", "b"),
                entry("update-manager3", "v1", 3, "c"), entry("update-manager4", "v1", 4, "d"))),
        new Case("one version, one ancient changes", List.of(
            entry("ancient-changes", "v1", 2, "a", "b"), entry("update-manager3", "v1", 3, "c"),
            entry("update-manager4", "v1", 4, "d"), entry("update-manager5", "v1", 5, "e")),
            List.of(entry("ancient-changes", "v1", 3, "a", "b", "c"),
                entry("update-manager4", "v1", 4, "d"), entry("update-manager5", "v1", 5, "e"))),
        new Case("two versions, no ancient changes", List.of(
            entry("update-manager1", "v1", 1, "a"), entry("update-manager2", "v2", 2, "b"),
            entry("update-manager3", "v1", 3, "c"), entry("update-manager4", "v1", 4, "d"),
            entry("update-manager5", "v1", 5, "e")),
            List.of(entry("update-manager2", "v2", 2, "b"),
                entry("ancient-changes", "v1", 4, "a", "c", "d"),
                entry("update-manager5", "v1", 5, "e"))),
        new Case("three versions, one ancient changes", List.of(
            entry("update-manager2", "v2", 2, "b"), entry("ancient-changes", "v1", 4, "a", "c", "d"),
            entry("update-manager5", "v1", 5, "e"), entry("update-manager6", "v3", 6, "f"),
            entry("update-manager7", "v2", 7, "g")),
            List.of(entry("ancient-changes", "v1", 5, "a", "c", "d", "e"),
                entry("update-manager6", "v3", 6, "f"),
                entry("ancient-changes", "v2", 7, "b", "g"))),
        new Case("three versions, two ancient changes", List.of(
            entry("ancient-changes", "v1", 5, "a", "c", "d", "e"),
            entry("update-manager6", "v3", 6, "f"), entry("ancient-changes", "v2", 7, "b", "g"),
            entry("update-manager8", "v3", 8, "h")),
            List.of(entry("ancient-changes", "v1", 5, "a", "c", "d", "e"),
                entry("ancient-changes", "v2", 7, "b", "g"),
                entry("ancient-changes", "v3", 8, "f", "h"))),
        new Case("four versions, two ancient changes", List.of(
            entry("ancient-changes", "v1", 5, "a", "c", "d", "e"),
            entry("update-manager6", "v3", 6, "f"), entry("ancient-changes", "v2", 7, "b", "g"),
            entry("update-manager8", "v4", 8, "h")),
            List.of(entry("ancient-changes", "v1", 5, "a", "c", "d", "e"),
                entry("update-manager6", "v3", 6, "f"), entry("ancient-changes", "v2", 7, "b", "g"),
                entry("update-manager8", "v4", 8, "h"))));
  }

  private static Unstructured pod(@Nullable Object managedFields) {
    Unstructured p = Unstructured.wrap(obj("apiVersion: v1\nkind: Pod\n"
        + "metadata: {name: p, uid: u-1}"));
    if (managedFields != null) {
      p.metadataForWrite().put("managedFields", managedFields);
    }
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caps")
  void update_moreUpdateManagersThanTheCap_mergesOldestIntoAncientChanges(Case c) {
    FieldManager fm = new FieldManager(new BuiltinApplySchema().typeOf(POD).orElseThrow(), POD,
        "", ResetFields.NONE, CLOCK, 3);
    Unstructured live = pod(new ArrayList<>(c.input()));
    Unstructured out = fm.update(live, live.deepCopy(), "no-op-update");
    assertThat(json(out.metadata().get("managedFields"))).isEqualTo(json(c.expected()));
    Unstructured again = fm.update(out, out.deepCopy(), "no-op-update");
    assertThat(json(again.metadata().get("managedFields"))).isEqualTo(json(c.expected()));
  }

  private static FieldManager pods(String subresource) {
    return FieldManager.create(new BuiltinApplySchema(), POD, subresource,
        ResetFields.of(true, subresource), CLOCK);
  }

  private static Unstructured labelled(Unstructured live, String label) {
    Unstructured next = live.deepCopy();
    Map<String, Object> labels = new LinkedHashMap<>(next.labels());
    labels.put(label, "x");
    next.metadataForWrite().put("labels", labels);
    return next;
  }

  @Test
  void update_sameManagerTwice_mergesItsFields() {
    FieldManager fm = pods("");
    Unstructured once = fm.update(null, labelled(pod(null), "a"), "kubectl-label");
    Unstructured twice = fm.update(once, labelled(once, "b"), "kubectl-label");
    assertThat(json(twice.metadata().get("managedFields"))).isEqualTo("[{\"manager\":"
        + "\"kubectl-label\",\"operation\":\"Update\",\"apiVersion\":\"v1\",\"time\":"
        + "\"2025-01-01T00:00:00Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":"
        + "{\"f:labels\":{\".\":{},\"f:a\":{},\"f:b\":{}}}}}]");
  }

  @Test
  void update_emptyOrEmptyEntryList_resetsManagedFields() {
    FieldManager fm = pods("");
    Unstructured tracked = fm.update(null, labelled(pod(null), "a"), "m");
    for (Object reset : List.of(List.of(), List.of(Map.of()))) {
      Unstructured next = tracked.deepCopy();
      next.metadataForWrite().put("managedFields", reset);
      assertThat(fm.update(tracked, next, "m").metadata()).doesNotContainKey("managedFields");
    }
  }

  @Test
  void update_invalidManagedFields_keepsLiveOnes() {
    FieldManager fm = pods("");
    Unstructured tracked = fm.update(null, labelled(pod(null), "a"), "m");
    Unstructured next = tracked.deepCopy();
    next.metadataForWrite().put("managedFields", List.of(Map.of("manager", "x",
        "operation", "Delete", "apiVersion", "v1", "fieldsType", "FieldsV1")));
    assertThat(json(fm.update(tracked, next, "m").metadata().get("managedFields")))
        .isEqualTo(json(tracked.metadata().get("managedFields")));
  }

  @Test
  void update_statusSubresource_recordsSubresourceAndIgnoresRequestManagedFields() {
    FieldManager fm = pods("status");
    Unstructured live = pods("").update(null, labelled(pod(null), "a"), "m");
    Unstructured next = live.deepCopy();
    next.object().put("status", new LinkedHashMap<>(Map.of("phase", "Running")));
    next.metadataForWrite().put("managedFields", List.of());
    String managed = json(fm.update(live, next, "kubelet").metadata().get("managedFields"));
    assertThat(managed).contains("{\"manager\":\"kubelet\",\"operation\":\"Update\","
        + "\"apiVersion\":\"v1\",\"time\":\"2025-01-01T00:00:00Z\",\"fieldsType\":\"FieldsV1\","
        + "\"fieldsV1\":{\"f:status\":{\"f:phase\":{}}},\"subresource\":\"status\"}")
        .contains("\"manager\":\"m\"");
  }

  @Test
  void update_mainResourceChangingStatus_doesNotOwnStatus() {
    FieldManager fm = pods("");
    Unstructured next = pod(null);
    next.object().put("status", new LinkedHashMap<>(Map.of("phase", "Running")));
    assertThat(fm.update(pod(null), next, "m").metadata()).doesNotContainKey("managedFields");
  }

  @Test
  void update_untrackedExistingObject_staysUntracked() {
    assertThat(pods("").update(pod(null), labelled(pod(null), "a"), "m").metadata())
        .doesNotContainKey("managedFields");
  }
}

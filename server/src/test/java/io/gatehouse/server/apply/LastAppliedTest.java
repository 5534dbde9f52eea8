package io.gatehouse.server.apply;

import static io.gatehouse.server.apply.FieldManagerTest.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client-side-apply upgrade path of the {@code kubectl} manager. */
class LastAppliedTest {

  private static final GroupVersionKind CM = new GroupVersionKind("", "v1", "ConfigMap");
  private final FieldManager fm = FieldManager.create(new BuiltinApplySchema(), CM, "",
      ResetFields.NONE, Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));

  private static final String LAST = "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\"},\"kind\":"
      + "\"ConfigMap\",\"metadata\":{\"annotations\":{},\"name\":\"c\",\"namespace\":\"d\"}}\n";

  /** An object created by {@code kubectl apply} (client side). */
  private Unstructured clientSideApplied() {
    Unstructured created = Unstructured.wrap(obj("apiVersion: v1\nkind: ConfigMap\n"
        + "metadata: {name: c, namespace: d}\ndata: {a: '1'}"));
    created.metadataForWrite().put("annotations", new java.util.LinkedHashMap<>(Map.of(
        LastApplied.ANNOTATION, LAST)));
    Unstructured out = fm.update(null, created, "kubectl-client-side-apply");
    out.metadataForWrite().put("uid", "u-1");
    return out;
  }

  private static final String CONFIG = "apiVersion: v1\nkind: ConfigMap\n"
      + "metadata: {name: c, namespace: d}\ndata: {a: '2'}";

  @Test
  void apply_kubectlChangingFieldsItAppliedClientSide_isAllowedAndSyncsAnnotation() {
    Unstructured out = fm.apply(clientSideApplied(), obj(CONFIG), "kubectl", false);
    assertThat(out.object().get("data")).isEqualTo(Map.of("a", "2"));
    assertThat(out.annotations().get(LastApplied.ANNOTATION)).isEqualTo("{\"apiVersion\":"
        + "\"v1\",\"data\":{\"a\":\"2\"},\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\","
        + "\"namespace\":\"d\"}}\n");
  }

  @Test
  void apply_otherManager_conflictsWithClientSideApply() {
    assertThatThrownBy(() -> fm.apply(clientSideApplied(), obj(CONFIG), "helm", false))
        .hasMessage("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" "
            + "using v1: .data.a");
  }

  @Test
  void apply_kubectlAfterAnotherManagerChangedTheField_stillConflicts() {
    Unstructured live = clientSideApplied();
    Unstructured edited = live.deepCopy();
    edited.object().put("data", new java.util.LinkedHashMap<>(Map.of("a", "5")));
    Unstructured after = fm.update(live, edited, "kubectl-edit");
    assertThatThrownBy(() -> fm.apply(after, obj(CONFIG), "kubectl", false))
        .hasMessage("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using v1: "
            + ".data.a");
  }
}

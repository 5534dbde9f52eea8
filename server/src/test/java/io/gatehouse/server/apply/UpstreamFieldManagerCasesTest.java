package io.gatehouse.server.apply;

import static io.gatehouse.server.apply.FieldManagerTest.json;
import static io.gatehouse.server.apply.FieldManagerTest.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Cases of kube's {@code managedfields/internal/fieldmanager_test.go}, driven as its {@code
 * TestFieldManager} does: one live object (never persisted, so always tracked) updated and
 * applied to in turn.
 */
class UpstreamFieldManagerCasesTest {

  /** A mutable clock, so that "later" operations get later times. */
  private static final class Ticking extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void tick() {
      now = now.plus(Duration.ofSeconds(1));
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final class TestFieldManager {
    private final Ticking clock = new Ticking();
    private final FieldManager fm;
    private Unstructured live;

    TestFieldManager(String apiVersion, String kind) {
      String[] gv = apiVersion.contains("/") ? apiVersion.split("/") : new String[] {"",
          apiVersion};
      fm = FieldManager.create(new BuiltinApplySchema(), new GroupVersionKind(gv[0], gv[1], kind),
          "", ResetFields.NONE, clock);
      Map<String, @Nullable Object> empty = new LinkedHashMap<>();
      empty.put("apiVersion", apiVersion);
      empty.put("kind", kind);
      live = Unstructured.wrap(empty);
    }

    void apply(String config, String manager, boolean force) {
      live = fm.apply(live, obj(config), manager, force);
      clock.tick();
    }

    void update(String object, String manager) {
      live = fm.update(live, Unstructured.wrap(obj(object)), manager);
      clock.tick();
    }

    List<?> managedFields() {
      return live.metadata().get("managedFields") instanceof List<?> l ? l : List.of();
    }
  }

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: deployment, labels: {app: nginx}}
      spec:
        replicas: 3
        selector: {matchLabels: {app: nginx}}
        template:
          metadata: {labels: {app: nginx}}
          spec:
            containers: [{name: nginx, image: nginx:latest}]
      """;

  @Test
  void updateApplyConflict() {
    TestFieldManager f = new TestFieldManager("apps/v1", "Deployment");
    f.update(DEPLOYMENT, "fieldmanager_test");
    assertThatThrownBy(() -> f.apply("apiVersion: apps/v1\nkind: Deployment\n"
        + "metadata: {name: deployment}\nspec: {replicas: 101}", "fieldmanager_conflict", false))
        .isInstanceOfSatisfying(StatusException.class,
            e -> assertThat(e.status().code()).isEqualTo(409));
  }

  @Test
  void applyStripsFields() {
    TestFieldManager f = new TestFieldManager("apps/v1", "Deployment");
    f.update("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: b
          namespace: b
          uid: b
          resourceVersion: b
          creationTimestamp: "2025-01-01T00:00:00Z"
          managedFields: [{manager: update, operation: Apply, apiVersion: apps/v1}]
        """, "fieldmanager_test");
    assertThat(f.managedFields()).isEmpty();
  }

  @Test
  void versionCheck() {
    TestFieldManager f = new TestFieldManager("apps/v1", "Deployment");
    f.apply("apiVersion: apps/v1\nkind: Deployment", "fieldmanager_test", false);
    for (String config : List.of("apiVersion: apps/v1beta1\nkind: Deployment", "{}")) {
      assertThatThrownBy(() -> f.apply(config, "fieldmanager_test", false))
          .isInstanceOfSatisfying(StatusException.class,
              e -> assertThat(e.status().code()).isEqualTo(400));
    }
  }

  @Test
  void applyDoesNotStripLabels() {
    TestFieldManager f = new TestFieldManager("v1", "Pod");
    f.apply("apiVersion: v1\nkind: Pod\nmetadata: {labels: {a: b}}", "fieldmanager_test", false);
    assertThat(f.managedFields()).hasSize(1);
  }

  @Test
  void applyFailsWithManagedFields() {
    TestFieldManager f = new TestFieldManager("v1", "Pod");
    assertThatThrownBy(() -> f.apply("apiVersion: v1\nkind: Pod\n"
        + "metadata: {managedFields: [{manager: test}]}", "fieldmanager_test", false))
        .isInstanceOf(StatusException.class);
  }

  @Test
  void noOpChanges() {
    TestFieldManager f = new TestFieldManager("v1", "Pod");
    String pod = "apiVersion: v1\nkind: Pod\nmetadata: {labels: {a: b}, creationTimestamp: null}";
    f.apply(pod, "fieldmanager_test_apply", false);
    String before = json(f.live.object());
    f.apply(pod, "fieldmanager_test_apply_other", false);
    assertThat(json(f.live.object())).isNotEqualTo(before);
    before = json(f.live.object());
    f.update(pod, "fieldmanager_test_update");
    assertThat(json(f.live.object())).isEqualTo(before);
    f.apply(pod, "fieldmanager_test_apply", true);
    assertThat(json(f.live.object())).isEqualTo(before);
  }

  @Test
  void resetManagedFieldsEmptyListOrItem() {
    for (String reset : List.of("[]", "[{}]")) {
      TestFieldManager f = new TestFieldManager("v1", "Pod");
      f.apply("apiVersion: v1\nkind: Pod\nmetadata: {labels: {a: b}}", "fieldmanager_test_apply",
          false);
      f.update("apiVersion: v1\nkind: Pod\nmetadata: {managedFields: " + reset
          + ", labels: {a: b}}", "update_manager");
      assertThat(f.managedFields()).as(reset).isEmpty();
    }
  }

  @Test
  void serverSideApplyWithInvalidLastApplied() {
    TestFieldManager f = new TestFieldManager("apps/v1", "Deployment");
    f.update("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: my-deployment
          labels: {app: my-app-v1}
          annotations: {kubectl.kubernetes.io/last-applied-configuration: invalid-object}
        spec: {replicas: 1}
        """, "kubectl-client-side-apply-test");
    String applied = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-deployment\n"
        + "  labels: {app: my-app-v2}\nspec: {replicas: 100}";
    assertThatThrownBy(() -> f.apply(applied, "kubectl", false))
        .isInstanceOfSatisfying(StatusException.class,
            e -> assertThat(e.status().code()).isEqualTo(409));
    assertThat(f.live.annotations().get(LastApplied.ANNOTATION)).isEqualTo("invalid-object");
    f.apply(applied, "kubectl", true);
    assertThat(f.live.annotations().get(LastApplied.ANNOTATION)).contains("my-app-v2");
  }
}

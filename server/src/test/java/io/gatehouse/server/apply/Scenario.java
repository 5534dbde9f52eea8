package io.gatehouse.server.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.codec.ValueDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs structured-merge-diff's merge test scenarios (the {@code internal/fixture} state machine):
 * applies and updates by managers at API versions, then checks the object (as upstream does, by
 * comparison, so associative-list order is not checked) and every manager's fields and version.
 * Test-only; not thread-safe.
 */
final class Scenario {

  enum Kind { APPLY, FORCE_APPLY, UPDATE }

  /** One operation; {@code conflicts} lists the expected conflicts as {@code manager path}. */
  record Op(Kind kind, String manager, String apiVersion, String yaml, List<String> conflicts) {}

  static Op apply(String manager, String version, String yaml, String... conflicts) {
    return new Op(Kind.APPLY, manager, version, yaml, List.of(conflicts));
  }

  static Op forceApply(String manager, String version, String yaml) {
    return new Op(Kind.FORCE_APPLY, manager, version, yaml, List.of());
  }

  static Op update(String manager, String version, String yaml) {
    return new Op(Kind.UPDATE, manager, version, yaml, List.of());
  }

  /** A manager's expected fields. */
  record Owned(String version, FieldSet fields) {}

  static Owned owned(String version, FieldPath... paths) {
    return new Owned(version, FieldSet.of(paths));
  }

  /** Builds a path: strings are field names, path elements are used as they are. */
  static FieldPath p(Object... elements) {
    List<PathElement> out = new ArrayList<>();
    for (Object e : elements) {
      out.add(e instanceof PathElement pe ? pe : new PathElement.FieldName((String) e));
    }
    return new FieldPath(out);
  }

  static PathElement key(String name, Object value) {
    return new PathElement.Key(List.of(new PathElement.KeyField(name, value)));
  }

  static PathElement v(Object value) {
    return new PathElement.Value(value);
  }

  static @Nullable Object yaml(String text) {
    ValueDecoder.Result r = ValueDecoder.decode("test", text.strip());
    assertThat(r.errors()).as(text).isEmpty();
    return r.value();
  }

  /** Runs {@code ops} and checks the final object and owners. */
  static void run(SchemaType type, List<Op> ops, String object, Map<String, Owned> managed) {
    Updater updater = new Updater(type, v -> null);
    Object live = null;
    Map<String, VersionedSet> managers = new HashMap<>();
    for (Op op : ops) {
      Object value = yaml(op.yaml());
      switch (op.kind()) {
        case UPDATE -> {
          managers = updater.update(live, value, op.apiVersion(), managers, op.manager());
          live = value;
        }
        case APPLY, FORCE_APPLY -> {
          boolean force = op.kind() == Kind.FORCE_APPLY;
          if (!op.conflicts().isEmpty()) {
            Object before = live;
            Map<String, VersionedSet> owners = managers;
            assertThatThrownBy(() -> updater.apply(before, value, op.apiVersion(), owners,
                op.manager(), force))
                .isInstanceOfSatisfying(Conflicts.class, c -> assertThat(c.conflicts().stream()
                    .map(x -> x.manager() + " " + x.path()).toList())
                    .containsExactlyInAnyOrderElementsOf(op.conflicts()));
            continue;
          }
          try {
            Updater.Applied a = updater.apply(live, value, op.apiVersion(), managers,
                op.manager(), force);
            managers = a.managers();
            if (a.changed()) {
              live = a.object();
            }
          } catch (Conflicts | MergeWalk.MergeException e) {
            throw new AssertionError(op + " failed: " + e, e);
          }
        }
      }
    }
    Comparison c = Comparison.of(type, live, yaml(object));
    assertThat(c.isSame()).as("object %s, comparison added %s modified %s removed %s", live,
        c.added(), c.modified(), c.removed()).isTrue();
    Map<String, String> actual = new HashMap<>();
    managers.forEach((m, vs) -> actual.put(m, vs.apiVersion() + "\n" + vs.set()));
    Map<String, String> expected = new HashMap<>();
    managed.forEach((m, o) -> expected.put(m, o.version() + "\n" + o.fields()));
    assertThat(actual).isEqualTo(expected);
  }
}

package io.gatehouse.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BindingIndexTest {

  private static final List<Binding> CLUSTER = List.of(
      binding("a", "", new Subject("Group", "ops", "")),
      binding("b", "", new Subject("User", "alice", ""), new Subject("Group", "ops", "")),
      binding("c", "", new Subject("ServiceAccount", "builder", "ci")),
      binding("d", "", new Subject("ServiceAccount", "nowhere", "")),
      binding("e", "", new Subject("Robot", "alice", "")),
      binding("f", "", new Subject("Group", "system:authenticated", "")),
      binding("g", "", new Subject("User", "system:serviceaccount:ci:builder", "")));

  private static final List<Binding> NAMESPACED = List.of(
      binding("x", "team", new Subject("ServiceAccount", "app", "")),
      binding("y", "team", new Subject("ServiceAccount", "app", "other")));

  private record Case(String name, List<Binding> bindings, UserInfo user, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<Case> cases() {
    return Stream.of(
        new Case("user and group merged in order", CLUSTER,
            user("alice", "ops", "system:authenticated"), List.of("a", "b", "f")),
        new Case("service account subject and its user name", CLUSTER,
            user("system:serviceaccount:ci:builder", "system:serviceaccounts"), List.of("c", "g")),
        new Case("unknown kinds and cluster SAs without namespace match no one", CLUSTER,
            user("system:serviceaccount::nowhere"), List.of()),
        new Case("namespaced SA defaults to the binding namespace", NAMESPACED,
            user("system:serviceaccount:team:app"), List.of("x")),
        new Case("explicit SA namespace wins", NAMESPACED,
            user("system:serviceaccount:other:app"), List.of("y")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void candidates_userAndGroups_bindingsInOriginalOrder(Case c) {
    List<String> names = BindingIndex.of(c.bindings()).candidates(c.user()).stream()
        .map(Binding::name).toList();
    assertThat(names).isEqualTo(c.expected());
  }

  @Test
  void candidates_randomBindings_sameBindingsAsAScanInTheSameOrder() {
    Random random = new Random(7);
    String[] kinds = {"User", "Group", "ServiceAccount", "Other"};
    List<Binding> bindings = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      List<Subject> subjects = new ArrayList<>();
      for (int s = random.nextInt(4); s >= 0; s--) {
        subjects.add(new Subject(kinds[random.nextInt(4)], "n" + random.nextInt(6),
            random.nextBoolean() ? "" : "ns" + random.nextInt(2)));
      }
      bindings.add(new Binding("b" + i, random.nextBoolean() ? "" : "ns0", "ClusterRole", "r",
          subjects));
    }
    BindingIndex index = BindingIndex.of(bindings);
    for (int u = 0; u < 200; u++) {
      String name = random.nextBoolean() ? "n" + random.nextInt(6)
          : "system:serviceaccount:ns" + random.nextInt(2) + ":n" + random.nextInt(6);
      UserInfo user = user(name, "n" + random.nextInt(6), "n" + random.nextInt(6));
      List<Binding> scanned = bindings.stream()
          .filter(b -> b.subjects().stream().anyMatch(s -> s.appliesTo(user, b.namespace())))
          .toList();
      assertThat(index.candidates(user)).isEqualTo(scanned);
    }
  }

  private static Binding binding(String name, String namespace, Subject... subjects) {
    return new Binding(name, namespace, "ClusterRole", "r", List.of(subjects));
  }

  private static UserInfo user(String name, String... groups) {
    return new UserInfo(name, "", List.of(groups), Map.of());
  }
}

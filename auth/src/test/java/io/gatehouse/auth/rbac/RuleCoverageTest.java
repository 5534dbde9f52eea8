package io.gatehouse.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RuleCoverageTest {

  private static PolicyRule rule(List<String> verbs, List<String> groups, List<String> resources,
      List<String> names) {
    return new PolicyRule(verbs, groups, resources, names, List.of());
  }

  private static PolicyRule urls(List<String> verbs, List<String> urls) {
    return new PolicyRule(verbs, List.of(), List.of(), List.of(), urls);
  }

  private record Case(String name, List<PolicyRule> owner, List<PolicyRule> servant,
      List<PolicyRule> uncovered) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    PolicyRule podsGet = rule(List.of("get"), List.of(""), List.of("pods"), List.of());
    return Stream.of(
        new Case("exact match", List.of(podsGet), List.of(podsGet), List.of()),
        new Case("star verb covers", List.of(rule(List.of("*"), List.of(""), List.of("pods"), List.of())),
            List.of(rule(List.of("get", "delete"), List.of(""), List.of("pods"), List.of())), List.of()),
        new Case("verbs split across owner rules",
            List.of(podsGet, rule(List.of("list"), List.of(""), List.of("pods"), List.of())),
            List.of(rule(List.of("get", "list"), List.of(""), List.of("pods"), List.of())), List.of()),
        new Case("missing verb broken down",
            List.of(podsGet),
            List.of(rule(List.of("get", "list"), List.of("", "apps"), List.of("pods"), List.of())),
            List.of(rule(List.of("list"), List.of(""), List.of("pods"), List.of()),
                rule(List.of("get"), List.of("apps"), List.of("pods"), List.of()),
                rule(List.of("list"), List.of("apps"), List.of("pods"), List.of()))),
        new Case("star group and resource",
            List.of(rule(List.of("get"), List.of("*"), List.of("*"), List.of())),
            List.of(rule(List.of("get"), List.of("apps"), List.of("deployments/scale"), List.of())), List.of()),
        new Case("star subresource covers any resource's subresource",
            List.of(rule(List.of("update"), List.of("apps"), List.of("*/scale"), List.of())),
            List.of(rule(List.of("update"), List.of("apps"), List.of("deployments/scale"), List.of())), List.of()),
        new Case("resource does not cover its subresource",
            List.of(podsGet),
            List.of(rule(List.of("get"), List.of(""), List.of("pods/log"), List.of())),
            List.of(rule(List.of("get"), List.of(""), List.of("pods/log"), List.of()))),
        new Case("unnamed owner covers named servant",
            List.of(podsGet),
            List.of(rule(List.of("get"), List.of(""), List.of("pods"), List.of("a", "b"))), List.of()),
        new Case("named owner does not cover unnamed servant",
            List.of(rule(List.of("get"), List.of(""), List.of("pods"), List.of("a"))),
            List.of(podsGet), List.of(podsGet)),
        new Case("named owner covers the same name only",
            List.of(rule(List.of("get"), List.of(""), List.of("pods"), List.of("a"))),
            List.of(rule(List.of("get"), List.of(""), List.of("pods"), List.of("a", "b"))),
            List.of(rule(List.of("get"), List.of(""), List.of("pods"), List.of("b")))),
        new Case("non-resource prefix covers",
            List.of(urls(List.of("get"), List.of("/apis/*"))),
            List.of(urls(List.of("get"), List.of("/apis/apps", "/api"))),
            List.of(urls(List.of("get"), List.of("/api")))),
        new Case("non-resource star covers everything",
            List.of(urls(List.of("*"), List.of("*"))),
            List.of(urls(List.of("get", "post"), List.of("/healthz", "/x/y"))), List.of()),
        new Case("resource rule does not cover non-resource URLs",
            List.of(rule(List.of("*"), List.of("*"), List.of("*"), List.of())),
            List.of(urls(List.of("get"), List.of("/healthz"))),
            List.of(urls(List.of("get"), List.of("/healthz")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void uncovered_table_matchesUpstreamCovers(Case c) {
    assertThat(RuleCoverage.uncovered(c.owner(), c.servant())).isEqualTo(c.uncovered());
  }

  @Test
  void compact_simpleRulesMergedPerGroupResource_othersKept() {
    List<PolicyRule> compacted = RuleCoverage.compact(List.of(
        rule(List.of("get"), List.of(""), List.of("pods"), List.of()),
        rule(List.of("list"), List.of(""), List.of("pods"), List.of()),
        rule(List.of("get"), List.of(""), List.of("secrets"), List.of("s")),
        urls(List.of("get"), List.of("/x"))));
    assertThat(compacted).containsExactlyInAnyOrder(
        rule(List.of("get", "list"), List.of(""), List.of("pods"), List.of()),
        rule(List.of("get"), List.of(""), List.of("secrets"), List.of("s")),
        urls(List.of("get"), List.of("/x")));
  }

  @Test
  void compactString_nonEmptyListsInUpstreamOrder() {
    assertThat(rule(List.of("get", "list"), List.of(""), List.of("pods"), List.of("a")).compactString())
        .isEqualTo("{APIGroups:[\"\"], Resources:[\"pods\"], ResourceNames:[\"a\"], Verbs:[\"get\" \"list\"]}");
    assertThat(urls(List.of("get"), List.of("/healthz")).compactString())
        .isEqualTo("{NonResourceURLs:[\"/healthz\"], Verbs:[\"get\"]}");
  }
}

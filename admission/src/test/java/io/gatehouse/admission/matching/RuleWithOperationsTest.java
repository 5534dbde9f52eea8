package io.gatehouse.admission.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ports the tables of upstream's {@code webhook/predicates/rules/rules_test.go}. */
class RuleWithOperationsTest {

  private record Case(String name, RuleWithOperations rule, AdmissionAttributes request, boolean match) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<String> ALL = List.of("*");

  private static AdmissionAttributes a(String g, String v, String r, String sub, Operation op) {
    return Requests.of(g, v, r, sub, "ns", "name", op);
  }

  private static AdmissionAttributes cluster(String g, String v, String r, String sub) {
    return Requests.of(g, v, r, sub, "", "ns", Operation.CREATE);
  }

  private static AdmissionAttributes namespaced(String g, String v, String r, String sub) {
    return Requests.of(g, v, r, sub, "ns", "ns", Operation.CREATE);
  }

  private static RuleWithOperations groups(String... groups) {
    return new RuleWithOperations(ALL, List.of(groups), ALL, List.of("*/*"), "*");
  }

  private static RuleWithOperations versions(String... versions) {
    return new RuleWithOperations(ALL, ALL, List.of(versions), List.of("*/*"), "*");
  }

  private static RuleWithOperations operations(String... ops) {
    return new RuleWithOperations(List.of(ops), ALL, ALL, List.of("*/*"), "*");
  }

  private static RuleWithOperations resources(String... resources) {
    return new RuleWithOperations(ALL, ALL, ALL, List.of(resources), "*");
  }

  private static RuleWithOperations scope(String scope) {
    return new RuleWithOperations(ALL, ALL, ALL, List.of("*/*"), scope);
  }

  static Stream<Case> cases() {
    List<Case> c = new ArrayList<>();
    Operation create = Operation.CREATE;
    c.add(new Case("group wildcard", groups("*"), a("g", "v", "r", "", create), true));
    c.add(new Case("group exact g1", groups("g1", "g2"), a("g1", "v", "r", "", create), true));
    c.add(new Case("group exact g2", groups("g1", "g2"), a("g2", "v2", "r3", "", create), true));
    c.add(new Case("group exact g3 no", groups("g1", "g2"), a("g3", "v", "r", "", create), false));
    c.add(new Case("version wildcard", versions("*"), a("g", "v", "r", "", create), true));
    c.add(new Case("version exact v1", versions("v1", "v2"), a("g1", "v1", "r", "", create), true));
    c.add(new Case("version exact v3 no", versions("v1", "v2"), a("g1", "v3", "r", "", create), false));
    for (Operation op : Operation.values()) {
      c.add(new Case("operation wildcard " + op, operations("*"), a("g", "v", "r", "", op), true));
      for (Operation rule : Operation.values()) {
        c.add(new Case("operation " + rule + " on " + op, operations(rule.name()),
            a("g", "v", "r", "", op), rule == op));
      }
      c.add(new Case("operations UPDATE,DELETE on " + op, operations("UPDATE", "DELETE"),
          a("g", "v", "r", "", op), op == Operation.UPDATE || op == Operation.DELETE));
    }
    c.add(new Case("* matches r", resources("*"), a("g", "v", "r", "", create), true));
    c.add(new Case("* does not match r/exec", resources("*"), a("g", "v", "r", "exec", create), false));
    c.add(new Case("r/* matches r", resources("r/*"), a("g", "v", "r", "", create), true));
    c.add(new Case("r/* matches r/exec", resources("r/*"), a("g", "v", "r", "exec", create), true));
    c.add(new Case("r/* does not match r2", resources("r/*"), a("2", "v", "r2", "", create), false));
    c.add(new Case("r/*,r2 matches r2", resources("r/*", "r2"), a("2", "v", "r2", "", create), true));
    c.add(new Case("r/*,r2 not r2/proxy", resources("r/*", "r2"), a("2", "v", "r2", "proxy", create), false));
    c.add(new Case("*/proxy matches r3/proxy", resources("*/proxy", "*/exec"),
        a("2", "v", "r3", "proxy", create), true));
    c.add(new Case("*/proxy not r", resources("*/proxy", "*/exec"), a("g", "v", "r", "", create), false));
    c.add(new Case("*/proxy not r4/scale", resources("*/proxy", "*/exec"),
        a("2", "v", "r4", "scale", create), false));
    c.add(new Case("*/* matches any subresource", resources("*/*"), a("g", "v", "r", "status", create), true));
    c.add(new Case("cluster scope cluster object", scope("Cluster"), cluster("g", "v", "r", ""), true));
    c.add(new Case("cluster scope cluster subresource", scope("Cluster"), cluster("g", "v", "r", "exec"), true));
    c.add(new Case("cluster scope namespace object", scope("Cluster"), namespaced("", "v1", "namespaces", ""), true));
    c.add(new Case("cluster scope namespace finalize", scope("Cluster"),
        namespaced("", "v1", "namespaces", "finalize"), true));
    c.add(new Case("cluster scope namespaced object", scope("Cluster"), namespaced("g", "v", "r", ""), false));
    c.add(new Case("namespaced scope namespaced object", scope("Namespaced"), namespaced("g", "v", "r", "exec"), true));
    c.add(new Case("namespaced scope namespace object", scope("Namespaced"),
        namespaced("", "v1", "namespaces", ""), false));
    c.add(new Case("namespaced scope cluster namespace", scope("Namespaced"),
        cluster("", "v1", "namespaces", "finalize"), false));
    c.add(new Case("namespaced scope cluster object", scope("Namespaced"), cluster("g", "v", "r", ""), false));
    c.add(new Case("all scopes cluster", scope("*"), cluster("g", "v", "r", "exec"), true));
    c.add(new Case("all scopes namespaced", scope("*"), namespaced("", "v1", "namespaces", ""), true));
    c.add(new Case("unknown scope", scope("Galaxy"), namespaced("g", "v", "r", ""), false));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matches_upstreamTable_returnsExpected(Case c) {
    AdmissionAttributes r = c.request();
    assertThat(c.rule().matches(r.operation(), r.resource(), r.subresource(), r.namespace()))
        .isEqualTo(c.match());
  }
}

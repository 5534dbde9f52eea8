package io.gatehouse.auth.cel;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.cel.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** matchConditions as upstream's CELMatcher evaluates them. */
class MatchConditionMatcherTest {

  private static final UserInfo ALICE = new UserInfo("alice", "u-1",
      List.of("dev", "system:authenticated"), Map.of("scopes", List.of("a", "b")));
  private static final RequestAttributes DELETE_IN_KUBE_SYSTEM =
      RequestAttributes.resource(ALICE, "delete", "kube-system", "", "v1", "pods", "", "coredns");
  private static final RequestAttributes LIST_PODS =
      RequestAttributes.resource(ALICE, "list", "default", "", "v1", "pods", "", "");
  private static final RequestAttributes HEALTHZ = RequestAttributes.nonResource(ALICE, "get", "/healthz");

  private record Case(String name, KubernetesVersion version, List<String> conditions,
      RequestAttributes request, MatchResult expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final KubernetesVersion V133 = KubernetesVersion.of(1, 33);

  static Stream<Case> cases() {
    List<String> protector = List.of(
        "has(request.resourceAttributes)",
        "request.resourceAttributes.namespace == 'kube-system'",
        "!('system:serviceaccounts:kube-system' in request.groups)",
        "request.resourceAttributes.verb in ['update', 'delete', 'deletecollection']");
    return Stream.of(
        new Case("no conditions match everything", V133, List.of(), HEALTHZ, new MatchResult.Matched()),
        new Case("protector selects a delete in kube-system", V133, protector,
            DELETE_IN_KUBE_SYSTEM, new MatchResult.Matched()),
        new Case("protector skips non-resource requests", V133, protector, HEALTHZ,
            new MatchResult.NotMatched(0, "has(request.resourceAttributes)")),
        new Case("protector skips other namespaces", V133, protector, LIST_PODS,
            new MatchResult.NotMatched(1, "request.resourceAttributes.namespace == 'kube-system'")),
        new Case("user fields", V133, List.of("request.user == 'alice' && request.uid == 'u-1'"
            + " && request.extra['scopes'] == ['a', 'b'] && 'dev' in request.groups"),
            LIST_PODS, new MatchResult.Matched()),
        new Case("error then false is no match", V133, List.of(
            "request.nonResourceAttributes.path == '/'", "request.resourceAttributes.verb == 'get'"),
            LIST_PODS, new MatchResult.NotMatched(1, "request.resourceAttributes.verb == 'get'")),
        new Case("an error without false", V133, List.of("request.nonResourceAttributes.path == '/'"),
            LIST_PODS, new MatchResult.Errored("cel evaluation error: expression"
                + " 'request.nonResourceAttributes.path == '/'' resulted in error: no such key:"
                + " nonResourceAttributes")),
        new Case("errors are aggregated", V133, List.of("request.nonResourceAttributes.path == '/'",
            "int(request.user) > 0"), LIST_PODS, new MatchResult.Errored("[cel evaluation error:"
                + " expression 'request.nonResourceAttributes.path == '/'' resulted in error: no such"
                + " key: nonResourceAttributes, cel evaluation error: expression 'int(request.user) > 0'"
                + " resulted in error: type conversion error from 'string' to 'int']")),
        new Case("1.33 has every string field", V133, List.of("request.resourceAttributes.name == ''"),
            LIST_PODS, new MatchResult.Matched()),
        new Case("1.30 omits empty fields", KubernetesVersion.of(1, 30),
            List.of("request.resourceAttributes.name == ''"), LIST_PODS,
            new MatchResult.Errored("cel evaluation error: expression"
                + " 'request.resourceAttributes.name == ''' resulted in error: no such key: name")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void match_conditions_asUpstream(Case c) {
    assertThat(matcher(c.version(), c.conditions()).match(c.request())).isEqualTo(c.expected());
  }

  @Test
  void match_costOverLimit_isAnError() {
    List<String> groups = new ArrayList<>();
    IntStream.range(0, 2000).forEach(i -> groups.add("g" + i));
    RequestAttributes many = RequestAttributes.resource(
        new UserInfo("bob", "", groups, Map.of()), "get", "ns", "", "v1", "pods", "", "p");
    String expression = "request.groups.all(a, request.groups.all(b, a != b || a == b))";
    assertThat(matcher(V133, List.of(expression)).match(many)).isEqualTo(new MatchResult.Errored(
        "cel evaluation error: expression '" + expression
            + "' resulted in error: operation cancelled: actual cost limit exceeded"));
  }

  @Test
  void compile_selectorFields_existFrom132() {
    String expression = "!has(request.resourceAttributes.fieldSelector)";
    assertThat(MatchConditionCompiler.create(V133).compile(expression))
        .isInstanceOf(CompiledMatchCondition.Compiled.class);
    assertThat(MatchConditionCompiler.create(KubernetesVersion.of(1, 31)).compile(expression))
        .isInstanceOf(CompiledMatchCondition.Invalid.class);
  }

  static MatchConditionMatcher matcher(KubernetesVersion version, List<String> conditions) {
    MatchConditionCompiler compiler = MatchConditionCompiler.create(version);
    List<CompiledMatchCondition.Compiled> compiled = conditions.stream()
        .map(compiler::compile).map(CompiledMatchCondition.Compiled.class::cast).toList();
    return MatchConditionMatcher.of(compiled, version);
  }
}

package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.LabelSelectorRequirement;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.SelectorOperator;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.cel.EnvironmentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthzSelectorsLibraryTest {

  private static final UserInfo ALICE = UserInfo.of("alice", "devs");
  private static final RequestAttributes LIST_PODS =
      RequestAttributes.resource(ALICE, "list", "", "", "*", "pods", "", "");

  private record Case(String name, String expression, RequestAttributes expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> checks() {
    FieldSelectorRequirement onNode =
        new FieldSelectorRequirement("spec.nodeName", SelectorOperator.EQUALS, "mynode");
    LabelSelectorRequirement appExample =
        new LabelSelectorRequirement("app", SelectorOperator.EQUALS, List.of("example"));
    String pods = "authorizer.group('').resource('pods')";
    return Stream.of(
        new Case("field selector", pods + ".fieldSelector('spec.nodeName=mynode')",
            LIST_PODS.withFieldSelector(List.of(onNode), "")),
        new Case("label selector", pods + ".labelSelector('app=example')",
            LIST_PODS.withLabelSelector(List.of(appExample), "")),
        new Case("both selectors",
            pods + ".labelSelector('app=example').fieldSelector('spec.nodeName=mynode')",
            LIST_PODS.withFieldSelector(List.of(onNode), "")
                .withLabelSelector(List.of(appExample), "")),
        new Case("later selector replaces earlier",
            pods + ".fieldSelector('a=b').fieldSelector('spec.nodeName=mynode')",
            LIST_PODS.withFieldSelector(List.of(onNode), "")),
        new Case("empty selector is none", pods + ".fieldSelector('').labelSelector('')", LIST_PODS),
        new Case("invalid field selector carried as error", pods + ".fieldSelector('bad')",
            LIST_PODS.withFieldSelector(
                List.of(), "invalid selector: 'bad'; can't understand 'bad'")),
        new Case("invalid label selector carried as error", pods + ".labelSelector('x in (')",
            LIST_PODS.withLabelSelector(
                List.of(), "unable to parse requirement: found '', expected: ',', ')' or identifier")),
        new Case("selector on request resource",
            "authorizer.requestResource.labelSelector('!canary')",
            RequestAttributes.resource(ALICE, "list", "prod", "apps", "*", "deployments", "", "")
                .withLabelSelector(
                    List.of(new LabelSelectorRequirement(
                        "canary", SelectorOperator.DOES_NOT_EXIST, List.of())), "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void check_withSelectors_sendsParsedRequirements(Case c) {
    List<RequestAttributes> calls = new ArrayList<>();
    Authorizer authz = attributes -> {
      calls.add(attributes);
      return AuthorizationResult.of(Decision.ALLOW, "");
    };
    AuthorizerValue value = AuthorizerValue.of(authz, ALICE);
    Map<String, Object> vars = Map.of(
        AuthzLibrary.AUTHORIZER_VARIABLE, value,
        AuthzLibrary.REQUEST_RESOURCE_VARIABLE,
        value.requestResource("apps", "deployments", "", "prod", ""));

    Object allowed = AuthzLibraryTest.evaluator(33, EnvironmentType.STORED_EXPRESSIONS)
        .value(c.expression() + ".check('list').allowed()", vars);

    assertThat(allowed).isEqualTo(true);
    assertThat(calls).containsExactly(c.expected());
  }

  private record VersionCase(String name, int server, EnvironmentType type, boolean available) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<VersionCase> versions() {
    return Stream.of(
        new VersionCase("1.30 stored", 30, EnvironmentType.STORED_EXPRESSIONS, false),
        new VersionCase("1.31 stored, gate off", 31, EnvironmentType.STORED_EXPRESSIONS, false),
        new VersionCase("1.32 stored, gate on", 32, EnvironmentType.STORED_EXPRESSIONS, true),
        new VersionCase("1.32 new expressions (compat 1.31, gate on)", 32,
            EnvironmentType.NEW_EXPRESSIONS, true),
        new VersionCase("1.33 new expressions", 33, EnvironmentType.NEW_EXPRESSIONS, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void compile_selectorCall_availableFrom131WithGateOn(VersionCase c) {
    Evaluator cel = AuthzLibraryTest.evaluator(c.server(), c.type());
    String expression =
        "authorizer.group('').resource('pods').labelSelector('app=x').check('list').allowed()";

    if (c.available()) {
      assertThat(cel.compile(expression).outputType().name()).isEqualTo("bool");
    } else {
      assertThat(cel.compileError(expression)).contains("undeclared reference to 'labelSelector'");
    }
  }
}

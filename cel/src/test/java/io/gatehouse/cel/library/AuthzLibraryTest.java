package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthzLibraryTest {

  private static final UserInfo ALICE = UserInfo.of("alice", "devs", "system:authenticated");
  private static final UserInfo BUILDER_SA =
      new UserInfo(
          "system:serviceaccount:default:builder",
          "",
          List.of("system:serviceaccounts", "system:serviceaccounts:default"),
          Map.of());

  /** Records what it is asked and gives a fixed answer. */
  private static final class RecordingAuthorizer implements Authorizer {
    final List<RequestAttributes> calls = new ArrayList<>();
    final AuthorizationResult answer;

    RecordingAuthorizer(AuthorizationResult answer) {
      this.answer = answer;
    }

    @Override
    public AuthorizationResult authorize(RequestAttributes attributes) {
      calls.add(attributes);
      return answer;
    }
  }

  static Evaluator evaluator(int minor, EnvironmentType type) {
    return Evaluator.of(
        AuthzLibrary.declareVariables(Environment.builder(KubernetesVersion.of(1, minor), type))
            .build());
  }

  static Map<String, Object> variables(Authorizer authorizer) {
    AuthorizerValue value = AuthorizerValue.of(authorizer, ALICE);
    return Map.of(
        AuthzLibrary.AUTHORIZER_VARIABLE, value,
        AuthzLibrary.REQUEST_RESOURCE_VARIABLE,
        value.requestResource("apps", "deployments", "scale", "prod", "web"));
  }

  private record Case(String name, String expression, RequestAttributes expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> checks() {
    return Stream.of(
        new Case("path", "authorizer.path('/healthz').check('get')",
            RequestAttributes.nonResource(ALICE, "get", "/healthz")),
        new Case("path without slash, verb as given", "authorizer.path('healthz').check('GET')",
            RequestAttributes.nonResource(ALICE, "GET", "healthz")),
        new Case("core group resource", "authorizer.group('').resource('pods').check('list')",
            RequestAttributes.resource(ALICE, "list", "", "", "*", "pods", "", "")),
        new Case("all parts",
            "authorizer.group('apps').resource('deployments').subresource('scale')"
                + ".namespace('test').name('backend').check('update')",
            RequestAttributes.resource(
                ALICE, "update", "test", "apps", "*", "deployments", "scale", "backend")),
        new Case("empty parts unset",
            "authorizer.group('example.com').resource('widgets').subresource('s').subresource('')"
                + ".namespace('').name('').check('get')",
            RequestAttributes.resource(ALICE, "get", "", "example.com", "*", "widgets", "", "")),
        new Case("service account",
            "authorizer.serviceAccount('default', 'builder').group('').resource('pods')"
                + ".namespace('default').check('create')",
            RequestAttributes.resource(BUILDER_SA, "create", "default", "", "*", "pods", "", "")),
        new Case("service account path",
            "authorizer.serviceAccount('default', 'builder').path('/metrics').check('get')",
            RequestAttributes.nonResource(BUILDER_SA, "get", "/metrics")),
        new Case("dotted service account name",
            "authorizer.serviceAccount('kube-system', 'a.b-c').path('/x').check('get')",
            RequestAttributes.nonResource(
                new UserInfo("system:serviceaccount:kube-system:a.b-c", "",
                    List.of("system:serviceaccounts", "system:serviceaccounts:kube-system"),
                    Map.of()),
                "get", "/x")),
        new Case("request resource", "authorizer.requestResource.check('update')",
            RequestAttributes.resource(
                ALICE, "update", "prod", "apps", "*", "deployments", "scale", "web")),
        new Case("request resource narrowed",
            "authorizer.requestResource.subresource('').name('').check('list')",
            RequestAttributes.resource(ALICE, "list", "prod", "apps", "*", "deployments", "", "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void check_builtRequest_sendsUpstreamAttributes(Case c) {
    RecordingAuthorizer authz = new RecordingAuthorizer(AuthorizationResult.of(Decision.ALLOW, ""));

    Object allowed = evaluator(33, EnvironmentType.STORED_EXPRESSIONS)
        .value(c.expression() + ".allowed()", variables(authz));

    assertThat(allowed).isEqualTo(true);
    assertThat(authz.calls).containsExactly(c.expected());
  }

  private record DecisionCase(String name, AuthorizationResult answer, String member, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<DecisionCase> decisions() {
    AuthorizationResult allow = AuthorizationResult.of(Decision.ALLOW, "RBAC: allowed by binding x");
    AuthorizationResult noOpinion = AuthorizationResult.of(Decision.NO_OPINION, "");
    AuthorizationResult deny = AuthorizationResult.of(Decision.DENY, "denied by webhook");
    AuthorizationResult failed =
        new AuthorizationResult(Decision.NO_OPINION, "", "webhook unreachable");
    return Stream.of(
        new DecisionCase("allow is allowed", allow, "allowed()", true),
        new DecisionCase("no opinion is not allowed", noOpinion, "allowed()", false),
        new DecisionCase("deny is not allowed", deny, "allowed()", false),
        new DecisionCase("reason", allow, "reason()", "RBAC: allowed by binding x"),
        new DecisionCase("empty reason", noOpinion, "reason()", ""),
        new DecisionCase("not errored", deny, "errored()", false),
        new DecisionCase("no error text", deny, "error()", ""),
        new DecisionCase("errored", failed, "errored()", true),
        new DecisionCase("error text", failed, "error()", "webhook unreachable"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void decision_member_reportsAuthorizerAnswer(DecisionCase c) {
    RecordingAuthorizer authz = new RecordingAuthorizer(c.answer());

    assertThat(
            evaluator(33, EnvironmentType.STORED_EXPRESSIONS)
                .value("authorizer.group('').resource('pods').check('get')." + c.member(),
                    variables(authz)))
        .isEqualTo(c.expected());
  }

  private record ErrorCase(String name, String expression, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ErrorCase> errors() {
    return Stream.of(
        new ErrorCase("empty path", "authorizer.path('')", "path must not be empty"),
        new ErrorCase("blank path", "authorizer.path('  ')", "path must not be empty"),
        new ErrorCase("unicode-space path", "authorizer.path('\\u00a0\\u2003')",
            "path must not be empty"),
        new ErrorCase("empty resource", "authorizer.group('apps').resource('')",
            "resource must not be empty"),
        new ErrorCase("blank resource", "authorizer.group('apps').resource(' \\t\\n')",
            "resource must not be empty"),
        new ErrorCase("invalid namespace", "authorizer.serviceAccount('not@a#valid!namespace', 'ok')",
            "Invalid service account namespace"),
        new ErrorCase("dotted namespace", "authorizer.serviceAccount('valid.example.com', 'ok')",
            "Invalid service account namespace"),
        new ErrorCase("invalid name", "authorizer.serviceAccount('default', 'invalid@*name')",
            "Invalid service account name"),
        new ErrorCase("empty name", "authorizer.serviceAccount('default', '')",
            "Invalid service account name"),
        new ErrorCase("name checked first", "authorizer.serviceAccount('BAD NS', 'BAD NAME')",
            "Invalid service account name"),
        new ErrorCase("long namespace", "authorizer.serviceAccount('" + "a".repeat(64) + "', 'ok')",
            "Invalid service account namespace"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void evaluate_invalidArgument_failsWithUpstreamText(ErrorCase c) {
    RecordingAuthorizer authz = new RecordingAuthorizer(AuthorizationResult.of(Decision.ALLOW, ""));

    assertThat(evaluator(33, EnvironmentType.STORED_EXPRESSIONS)
            .failure(c.expression() + " != null", variables(authz)))
        .isEqualTo(c.message());
    assertThat(authz.calls).isEmpty();
  }

  @Test
  void evaluate_partialCheck_returnsBuilderValue() {
    RecordingAuthorizer authz = new RecordingAuthorizer(AuthorizationResult.of(Decision.ALLOW, ""));
    AuthorizerValue authorizer = AuthorizerValue.of(authz, ALICE);

    Object value = evaluator(33, EnvironmentType.STORED_EXPRESSIONS)
        .value("authorizer.group('apps').resource('deployments').namespace('prod')",
            variables(authz));

    assertThat(value)
        .isEqualTo(new ResourceCheck(authorizer, "apps", "deployments", "", "prod", "", "", ""));
  }

  @Test
  void evaluate_decision_returnsAuthorizationResult() {
    AuthorizationResult answer = new AuthorizationResult(Decision.DENY, "no", "err");
    RecordingAuthorizer authz = new RecordingAuthorizer(answer);

    assertThat(evaluator(33, EnvironmentType.STORED_EXPRESSIONS)
            .value("authorizer.path('/x').check('get')", variables(authz)))
        .isEqualTo(answer);
  }

  @Test
  void requestResource_fromAttributes_takesResourceCoordinates() {
    AuthorizerValue authorizer =
        AuthorizerValue.of(new RecordingAuthorizer(AuthorizationResult.of(Decision.ALLOW, "")), ALICE);
    RequestAttributes request =
        RequestAttributes.resource(
            UserInfo.of("ignored"), "create", "ns", "batch", "v1", "jobs", "status", "j1");

    assertThat(authorizer.requestResource(request))
        .isEqualTo(new ResourceCheck(authorizer, "batch", "jobs", "status", "ns", "j1", "", ""));
  }

  private record VersionCase(String name, int server, EnvironmentType type, boolean available) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<VersionCase> versions() {
    return Stream.of(
        new VersionCase("1.27 stored", 27, EnvironmentType.STORED_EXPRESSIONS, true),
        new VersionCase("1.27 new expressions (compat 1.26)", 27, EnvironmentType.NEW_EXPRESSIONS,
            false),
        new VersionCase("1.28 new expressions (compat 1.27)", 28, EnvironmentType.NEW_EXPRESSIONS,
            true),
        new VersionCase("1.33 new expressions", 33, EnvironmentType.NEW_EXPRESSIONS, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void compile_authzCall_availableFromCompatibility127(VersionCase c) {
    Evaluator cel = evaluator(c.server(), c.type());
    String expression = "authorizer.group('').resource('pods').check('get').allowed()";

    if (c.available()) {
      assertThat(cel.compile(expression).outputType().name()).isEqualTo("bool");
    } else {
      assertThat(cel.compileError(expression)).contains("undeclared reference to 'group'");
    }
  }
}

package io.gatehouse.admission.validating;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.Manifests;
import io.gatehouse.cel.KubernetesVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kube-apiserver's create-time validation of policies and bindings, with the field paths and texts
 * of {@code pkg/apis/admissionregistration/validation/validation.go}.
 */
class ApiValidationTest {

  private static final String RULES = """
        matchConstraints:
          resourceRules:
          - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}
      """;

  private record Case(String name, String spec, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String rules(String resources) {
    return "  matchConstraints:\n    resourceRules:\n    - {apiGroups: [a], apiVersions: [a], operations: [CREATE], "
        + "resources: [" + resources + "]}\n";
  }

  private static Case policy(String name, String spec, String... expected) {
    return new Case(name, spec, List.of(expected));
  }

  static Stream<Case> policies() {
    String ok = "  validations:\n  - expression: 'true'\n";
    return Stream.of(
        policy("valid policy", RULES + ok),
        policy("missing matchConstraints", ok, "spec.matchConstraints: Required value"),
        policy("matchConstraints without resourceRules", "  matchConstraints: {}\n" + ok,
            "spec.matchConstraints.resourceRules: Required value"),
        policy("no validations nor auditAnnotations", RULES,
            "spec.validations: Required value: validations or auditAnnotations must contain at least one item",
            "spec.auditAnnotations: Required value: validations or auditAnnotations must contain at least one item"),
        policy("blank expression", RULES + "  validations:\n  - expression: '  '\n",
            "spec.validations[0].expression: Required value: expression is not specified"),
        policy("syntax error", RULES + "  validations:\n  - expression: 'object.x in [1, 2, '\n",
            "spec.validations[0].expression: Invalid value: \"object.x in [1, 2, \": compilation failed: "
                + "ERROR: <input>:1:20: Syntax error: missing ']' at '<EOF>'\n"
                + " | object.x in [1, 2, \n | ...................^"),
        policy("non-bool validation", RULES + "  validations:\n  - expression: '1'\n",
            "spec.validations[0].expression: Invalid value: \"1\": must evaluate to bool but got int"),
        policy("params without paramKind", RULES + "  validations:\n  - expression: params.x\n",
            "spec.validations[0].expression: Invalid value: \"params.x\": compilation failed: ERROR: <input>:1:1: "
                + "undeclared reference to 'params' (in container '')\n | params.x\n | ^"),
        policy("non-string messageExpression", RULES
                + "  validations:\n  - {expression: 'true', messageExpression: '1'}\n",
            "spec.validations[0].messageExpression: Invalid value: \"1\": must evaluate to string but got int"),
        policy("blank messageExpression", RULES
                + "  validations:\n  - {expression: 'true', messageExpression: ' '}\n",
            "spec.validations[0].messageExpression: Invalid value: \" \": must be non-empty if specified"),
        policy("blank message", RULES + "  validations:\n  - {expression: 'true', message: ' '}\n",
            "spec.validations[0].message: Invalid value: \" \": message must be non-empty if specified"),
        policy("message with line break", RULES + "  validations:\n  - {expression: 'true', message: \"a\\nb\"}\n",
            "spec.validations[0].message: Invalid value: \"a\\nb\": message must not contain line breaks"),
        policy("unsupported reason", RULES + "  validations:\n  - {expression: 'true', reason: Unauthorized}\n",
            "spec.validations[0].reason: Unsupported value: \"Unauthorized\": supported values: "
                + "\"Forbidden\", \"Invalid\", \"RequestEntityTooLarge\""),
        policy("unsupported failurePolicy", RULES + ok + "  failurePolicy: Sometimes\n",
            "spec.failurePolicy: Unsupported value: \"Sometimes\": supported values: \"Fail\", \"Ignore\""),
        policy("bad paramKind", RULES + ok + "  paramKind: {apiVersion: 'Example.com/V1', kind: 'my kind'}\n",
            "spec.paramKind.apiVersion: Invalid value: \"Example.com\": a lowercase RFC 1123 subdomain must "
                + "consist of lower case alphanumeric characters, '-' or '.', and must start and end with an "
                + "alphanumeric character (e.g. 'example.com', regex used for validation is "
                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            "spec.paramKind.apiVersion: Invalid value: \"V1\": a DNS-1035 label must consist of lower case "
                + "alphanumeric characters or '-', start with an alphabetic character, and end with an "
                + "alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
                + "'[a-z]([-a-z0-9]*[a-z0-9])?')",
            "spec.paramKind.kind: Invalid value: \"my kind\": may have mixed case, but should otherwise match: "
                + "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
                + "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', "
                + "regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"),
        policy("paramKind without version", RULES + ok + "  paramKind: {apiVersion: example.com/, kind: K}\n",
            "spec.paramKind.apiVersion: Invalid value: \"example.com/\": version must be specified"),
        policy("rule problems", """
              matchConstraints:
                resourceRules:
                - {apiGroups: ['*', apps], apiVersions: [], operations: [CREATE, '*', PATCH], resources: ['*', pods, '*/*'], scope: Galaxy}
            """ + ok,
            "spec.matchConstraints.resourceRules[0].operations: Invalid value: "
                + "[]admissionregistration.OperationType{\"CREATE\", \"*\", \"PATCH\"}: "
                + "if '*' is present, must not specify other operations",
            "spec.matchConstraints.resourceRules[0].operations[2]: Unsupported value: \"PATCH\": supported values: "
                + "\"*\", \"CONNECT\", \"CREATE\", \"DELETE\", \"UPDATE\"",
            "spec.matchConstraints.resourceRules[0].apiGroups: Invalid value: []string{\"*\", \"apps\"}: "
                + "if '*' is present, must not specify other API groups",
            "spec.matchConstraints.resourceRules[0].apiVersions: Required value",
            "spec.matchConstraints.resourceRules[0].resources: Invalid value: []string{\"*\", \"pods\", \"*/*\"}: "
                + "if '*/*' is present, must not specify other resources",
            "spec.matchConstraints.resourceRules[0].resources: Invalid value: []string{\"*\", \"pods\", \"*/*\"}: "
                + "if '*' is present, must not specify other resources without subresources",
            "spec.matchConstraints.resourceRules[0].scope: Unsupported value: \"Galaxy\": supported values: "
                + "\"*\", \"Cluster\", \"Namespaced\""),
        policy("overlapping subresources", """
              matchConstraints:
                resourceRules:
                - {apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: ['pods/*', pods/log, '*/log']}
            """ + ok,
            "spec.matchConstraints.resourceRules[0].resources[1]: Invalid value: \"pods/log\": "
                + "if 'pods/*' is present, must not specify pods/log"),
        policy("upstream: resource */a cannot mix with x/a", rules("'*/a', x/a") + ok,
            "spec.matchConstraints.resourceRules[0].resources[1]: Invalid value: \"x/a\": "
                + "if '*/a' is present, must not specify x/a"),
        policy("upstream: resource a/* cannot mix with a/x", rules("'a/*', a/x") + ok,
            "spec.matchConstraints.resourceRules[0].resources[1]: Invalid value: \"a/x\": "
                + "if 'a/*' is present, must not specify a/x"),
        policy("upstream: resource */* cannot mix with other resources", rules("'*/*', a") + ok,
            "spec.matchConstraints.resourceRules[0].resources: Invalid value: []string{\"*/*\", \"a\"}: "
                + "if '*/*' is present, must not specify other resources"),
        policy("upstream: resource * can co-exist with resources that have subresources",
            rules("'*', a/b, 'a/*', '*/b'") + ok),
        policy("upstream: resource a/* can mix with a", rules("'a/*', a") + ok),
        policy("upstream: invalid messageExpression", RULES
                + "  validations:\n  - {expression: 'true', messageExpression: 'object.x in [1, 2, '}\n",
            "spec.validations[0].messageExpression: Invalid value: \"object.x in [1, 2, \": compilation failed: "
                + "ERROR: <input>:1:20: Syntax error: missing ']' at '<EOF>'\n"
                + " | object.x in [1, 2, \n | ...................^"),
        policy("upstream: trimmed matchCondition reports the trimmed column", RULES + ok
                + "  matchConditions:\n  - {name: m, expression: 'object.x in [1, 2, '}\n",
            "spec.matchConditions[0].expression: Invalid value: \"object.x in [1, 2,\": compilation failed: "
                + "ERROR: <input>:1:19: Syntax error: missing ']' at '<EOF>'\n"
                + " | object.x in [1, 2,\n | ..................^"),
        policy("upstream: invalid auditAnnotations key due to key name", RULES
                + "  auditAnnotations:\n  - {key: '@', valueExpression: \"'v'\"}\n",
            "spec.auditAnnotations[0].key: Invalid value: \"p/@\": name part must consist of alphanumeric "
                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
                + "'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
        policy("bad selector", """
              matchConstraints:
                namespaceSelector:
                  matchExpressions:
                  - {key: env, operator: In}
                  - {key: tier, operator: Exists, values: [a]}
                  - {key: x, operator: Near}
                resourceRules:
                - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}
            """ + ok,
            "spec.matchConstraints.namespaceSelector.matchExpressions[0].values: Required value: "
                + "must be specified when `operator` is 'In' or 'NotIn'",
            "spec.matchConstraints.namespaceSelector.matchExpressions[1].values: Forbidden: "
                + "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            "spec.matchConstraints.namespaceSelector.matchExpressions[2].operator: Invalid value: \"Near\": "
                + "not a valid selector operator"),
        policy("resourceNames", """
              matchConstraints:
                resourceRules:
                - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments], resourceNames: [a/b, x, x]}
            """ + ok,
            "spec.matchConstraints.resourceRules[0].resourceNames[0]: Invalid value: \"a/b\": may not contain '/'",
            "spec.matchConstraints.resourceRules[0].resourceNames[2]: Duplicate value: \"x\""),
        policy("matchConditions", RULES + ok + """
              matchConditions:
              - {name: 'bad name!', expression: 'true'}
              - {name: dup, expression: '1'}
              - {name: dup, expression: ' '}
              - {name: '', expression: 'variables.a'}
            """,
            "spec.matchConditions[0].name: Invalid value: \"bad name!\": name part must consist of alphanumeric "
                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
                + "'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
            "spec.matchConditions[1].expression: Invalid value: \"1\": must evaluate to bool but got int",
            "spec.matchConditions[2].expression: Required value",
            "spec.matchConditions[2].name: Duplicate value: \"dup\"",
            "spec.matchConditions[3].expression: Invalid value: \"variables.a\": compilation failed: ERROR: "
                + "<input>:1:1: undeclared reference to 'variables' (in container '')\n | variables.a\n | ^",
            "spec.matchConditions[3].name: Required value"),
        policy("variables", RULES + """
              variables:
              - {name: '1st', expression: 'true'}
              - {name: ok, expression: ' '}
              - {name: later, expression: variables.zzz}
              validations:
              - expression: variables.later
            """,
            "spec.variables[0].name: Invalid value: \"1st\": name is not a valid CEL identifier",
            "spec.variables[1].expression: Required value: expression is not specified",
            "spec.variables[2].expression: Invalid value: \"variables.zzz\": compilation failed: ERROR: "
                + "<input>:1:10: undefined field 'zzz'\n | variables.zzz\n | .........^",
            "spec.validations[0].expression: Invalid value: \"variables.later\": must evaluate to bool but got dyn"),
        policy("reserved variable name", RULES + ok + "  variables:\n  - {name: namespace, expression: 'true'}\n",
            "spec.variables[0].name: Invalid value: \"namespace\": name is not a valid CEL identifier"),
        policy("audit annotations", RULES + """
              auditAnnotations:
              - {key: 'bad key', valueExpression: "'v'"}
              - {key: dup, valueExpression: ' '}
              - {key: dup, valueExpression: '1'}
            """,
            "spec.auditAnnotations[0].key: Invalid value: \"p/bad key\": name part must consist of alphanumeric "
                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
                + "'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
            "spec.auditAnnotations[1].valueExpression: Required value: valueExpression is not specified",
            "spec.auditAnnotations[2].valueExpression: Invalid value: \"1\": "
                + "must evaluate to one of [string null_type] but got int",
            "spec.auditAnnotations[2].key: Duplicate value: \"dup\""),
        policy("valueExpression too long", RULES
                + "  auditAnnotations:\n  - {key: k, valueExpression: \"'" + "a".repeat(5119) + "'\"}\n",
            "spec.auditAnnotations[0].valueExpression: Required value: must not exceed 5120 bytes in length"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void validate_policy_reportsUpstreamFieldErrors(Case c) {
    String yaml = "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\n"
        + "metadata: {name: p}\nspec:\n" + c.spec();
    Policy p = Policy.fromJson(Defaults.policy(Manifests.one(yaml)));
    assertThat(PolicyApiValidation.validate(p, KubernetesVersion.DEFAULT, true))
        .extracting(FieldError::message)
        .containsExactlyElementsOf(c.expected());
  }

  static Stream<Case> bindings() {
    return Stream.of(
        new Case("valid binding", "  policyName: p\n  validationActions: [Deny]\n", List.of()),
        new Case("missing everything", "  validationActions: []\n", List.of(
            "spec.policyName: Required value",
            "spec.validationActions: Required value: at least one validation action is required")),
        new Case("deny and warn, duplicate, unsupported",
            "  policyName: p\n  validationActions: [Deny, Warn, Deny, Block]\n", List.of(
                "spec.validationActions[2]: Duplicate value: \"Deny\"",
                "spec.validationActions[3]: Unsupported value: \"Block\": supported values: \"Audit\", \"Deny\", \"Warn\"",
                "spec.validationActions: Invalid value: []admissionregistration.ValidationAction{\"Deny\", \"Warn\", "
                    + "\"Deny\", \"Block\"}: must not contain both Deny and Warn (repeating the same validation "
                    + "failure information in the API response and headers serves no purpose)")),
        new Case("paramRef name and selector", "  policyName: p\n  validationActions: [Deny]\n"
                + "  paramRef: {name: 'a%b', selector: {}, parameterNotFoundAction: Maybe}\n", List.of(
            "spec.paramRef.name: Invalid value: \"a%b\": may not contain '%'",
            "spec.paramRef.name: Forbidden: name and selector are mutually exclusive",
            "spec.paramRef.selector: Forbidden: name and selector are mutually exclusive",
            "spec.paramRef.parameterNotFoundAction: Unsupported value: \"Maybe\": supported values: \"Deny\", \"Allow\"")),
        new Case("paramRef without name or selector", "  policyName: p\n  validationActions: [Deny]\n"
                + "  paramRef: {parameterNotFoundAction: Deny}\n", List.of(
            "spec.paramRef: Required value: one of name or selector must be specified")),
        new Case("bad policyName", "  policyName: Bad_Name\n  validationActions: [Audit]\n", List.of(
            "spec.policyName: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower "
                + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
                + "character (e.g. 'example.com', regex used for validation is "
                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")),
        new Case("matchResources", "  policyName: p\n  validationActions: [Audit]\n"
                + "  matchResources: {matchPolicy: Fuzzy}\n", List.of(
            "spec.matchResources.matchPolicy: Unsupported value: \"Fuzzy\": supported values: \"Equivalent\", \"Exact\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bindings")
  void validate_binding_reportsUpstreamFieldErrors(Case c) {
    String yaml = "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\n"
        + "metadata: {name: b}\nspec:\n" + c.spec();
    Binding b = Binding.fromJson(Defaults.binding(Manifests.one(yaml)));
    assertThat(BindingApiValidation.validate(b, KubernetesVersion.DEFAULT))
        .extracting(FieldError::message)
        .containsExactlyElementsOf(c.expected());
  }

  @Test
  void validate_bindingOnOlderServer_usesUpstreamTypoInPath() {
    Binding b = Binding.fromJson(Defaults.binding(Manifests.one("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: b}
        spec: {policyName: p, validationActions: [Deny], matchResources: {matchPolicy: Fuzzy}}
        """)));
    assertThat(BindingApiValidation.validate(b, KubernetesVersion.of(1, 30)))
        .extracting(FieldError::field).containsExactly("spec.matchResouces.matchPolicy");
  }

  @Test
  void validate_metadata_requiresDnsSubdomainNameAndNoNamespace() {
    Policy p = Policy.fromJson(Defaults.policy(Manifests.one("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {namespace: default}
        spec:
        """ + RULES + "  validations:\n  - expression: 'true'\n")));
    assertThat(PolicyApiValidation.validate(p, KubernetesVersion.DEFAULT, true))
        .extracting(FieldError::message)
        .containsExactly("metadata.name: Required value: name or generateName is required",
            "metadata.namespace: Forbidden: not allowed on this type");
  }

  @Test
  void validate_newExpressionsEnvironment_rejectsLibrariesOfTheServerVersion() {
    // ip() arrives with 1.30 stored expressions; new expressions may use it from 1.31.
    String yaml = "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\n"
        + "metadata: {name: p}\nspec:\n" + RULES + "  validations:\n  - expression: \"ip('1.2.3.4').family() == 4\"\n";
    Policy p = Policy.fromJson(Defaults.policy(Manifests.one(yaml)));
    assertThat(PolicyApiValidation.validate(p, KubernetesVersion.of(1, 30), false)).singleElement()
        .extracting(FieldError::message).asString()
        .startsWith("spec.validations[0].expression: Invalid value: \"ip('1.2.3.4').family() == 4\": "
            + "compilation failed: ERROR: <input>:1:3: undeclared reference to 'ip'");
    assertThat(PolicyApiValidation.validate(p, KubernetesVersion.of(1, 31), false)).isEmpty();
  }

  @Test
  void create_invalidObjects_areReportedWithApiServerMessage() {
    var plugin = Fixtures.plugin(Fixtures.binding("b", "p", "", ""));
    assertThat(plugin.problems()).containsExactly(new ConfigurationProblem(
        "ValidatingAdmissionPolicyBinding", "b",
        List.of(FieldError.required("spec.validationActions", "at least one validation action is required"))));
    assertThat(plugin.problems().get(0).message()).isEqualTo(
        "ValidatingAdmissionPolicyBinding.admissionregistration.k8s.io \"b\" is invalid: "
            + "spec.validationActions: Required value: at least one validation action is required");
  }
}

package io.gatehouse.admission.validating;

import static io.gatehouse.admission.validating.Fixtures.binding;
import static io.gatehouse.admission.validating.Fixtures.deployment;
import static io.gatehouse.admission.validating.Fixtures.plugin;
import static io.gatehouse.admission.validating.Fixtures.policy;
import static io.gatehouse.admission.validating.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.FakeCluster;
import io.gatehouse.admission.Manifests;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The values of {@code object}, {@code oldObject}, {@code request} and {@code namespaceObject}
 * (upstream's {@code CreateAdmissionRequest}, {@code CreateNamespaceObject} and the unstructured
 * converter's omitempty rules); every expression must hold.
 */
class RequestVariablesTest {

  private record Case(String name, AdmissionAttributes request, String expression) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Unstructured GENERATED = Manifests.one("""
      apiVersion: apps/v1
      kind: Deployment
      metadata: {generateName: web-, namespace: default}
      spec: {replicas: 1}
      """);

  private static AdmissionAttributes request(Unstructured object, @org.jspecify.annotations.Nullable Unstructured old,
      Operation op, String name, boolean dryRun, UserInfo user, String sub) {
    return new AdmissionAttributes(op == Operation.DELETE ? null : object, old, object.groupVersionKind(),
        Fixtures.DEPLOYMENTS, sub, "default", name, op,
        Map.of("kind", "CreateOptions", "apiVersion", "meta.k8s.io/v1"), dryRun, user);
  }

  static Stream<Case> cases() {
    UserInfo alice = new UserInfo("alice", "", List.of(), Map.of());
    UserInfo bob = new UserInfo("bob", "u-1", List.of("dev", "ops"), Map.of("scope", List.of("a", "b")));
    AdmissionAttributes create = request(deployment(5), null, Operation.CREATE, "web", false, alice, "");
    AdmissionAttributes update = request(deployment(5), deployment(3), Operation.UPDATE, "web", true, bob, "");
    AdmissionAttributes delete = request(deployment(5), deployment(3), Operation.DELETE, "web", false, bob, "");
    AdmissionAttributes generated = request(GENERATED, null, Operation.CREATE, "", false, alice, "");
    List<Case> c = new ArrayList<>();
    c.add(new Case("oldObject is null on CREATE", create, "oldObject == null && object != null"));
    c.add(new Case("object is null on DELETE", delete, "object == null && oldObject.spec.replicas == 3"));
    c.add(new Case("operation", update, "request.operation == 'UPDATE'"));
    c.add(new Case("kind and resource", create,
        "request.kind.group == 'apps' && request.kind.version == 'v1' && request.kind.kind == 'Deployment'"
            + " && request.resource.resource == 'deployments' && request.requestKind == request.kind"
            + " && request.requestResource == request.resource"));
    c.add(new Case("name and namespace", create, "request.name == 'web' && request.namespace == 'default'"));
    c.add(new Case("generateName CREATE has no name", generated, "!has(request.name)"));
    c.add(new Case("subResource of a subresource request",
        request(deployment(5), deployment(5), Operation.UPDATE, "web", false, alice, "scale"),
        "request.subResource == 'scale' && request.requestSubResource == 'scale'"));
    c.add(new Case("no subResource when empty", create, "!has(request.subResource) && !has(request.requestSubResource)"));
    c.add(new Case("userInfo without groups or extra", create,
        "request.userInfo.username == 'alice' && !has(request.userInfo.groups) && !has(request.userInfo.extra)"
            + " && !has(request.userInfo.uid)"));
    c.add(new Case("userInfo with groups, uid and extra", update,
        "request.userInfo.groups == ['dev', 'ops'] && request.userInfo.uid == 'u-1'"
            + " && request.userInfo.extra['scope'] == ['a', 'b']"));
    c.add(new Case("dryRun", update, "request.dryRun"));
    c.add(new Case("dryRun false is present", create, "has(request.dryRun) && !request.dryRun"));
    c.add(new Case("options", create, "request.options.kind == 'CreateOptions'"));
    c.add(new Case("namespaceObject labels", create, "namespaceObject.metadata.labels['env'] == 'prod'"));
    c.add(new Case("namespaceObject has creationTimestamp null", create,
        "has(namespaceObject.metadata.creationTimestamp) && namespaceObject.metadata.creationTimestamp == null"));
    c.add(new Case("namespaceObject omits empty fields", create,
        "!has(namespaceObject.metadata.annotations) && !has(namespaceObject.spec.finalizers)"
            + " && !has(namespaceObject.status.phase)"));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_expressionOnRequest_holds(Case c) {
    var plugin = plugin(policy("p", "validations:\n- expression: \"" + c.expression() + "\"")
            .replace("[CREATE, UPDATE]", "['*']"),
        binding("b", "p", "Deny", ""));
    AdmissionResult r = run(plugin, c.request());
    assertThat(r.denials()).isEmpty();
  }

  @Test
  void validate_namespaceObject_isNullForClusterScopedAndNamespaceRequests() {
    String spec = "validations:\n- expression: namespaceObject == null";
    var plugin = plugin(policy("p", spec).replace("[apps]", "['']").replace("[deployments]", "[namespaces, nodes]"),
        binding("b", "p", "Deny", ""));
    Unstructured ns = Manifests.one("apiVersion: v1\nkind: Namespace\nmetadata: {name: default}");
    AdmissionAttributes nsUpdate = new AdmissionAttributes(ns, ns, Fixtures.gvk("", "v1", "Namespace"),
        new GroupVersionResource("", "v1", "namespaces"), "", "default", "default", Operation.UPDATE, null,
        false, UserInfo.of("u"));
    AdmissionAttributes node = new AdmissionAttributes(null, null, Fixtures.gvk("", "v1", "Node"),
        new GroupVersionResource("", "v1", "nodes"), "", "", "n", Operation.CREATE, null, false, UserInfo.of("u"));
    assertThat(run(plugin, nsUpdate).denials()).isEmpty();
    assertThat(run(plugin, node).denials()).isEmpty();
  }

  @Test
  void validate_namespaceObjectUidField_isDeclaredButMissingAtRuntime() {
    var plugin = plugin(policy("p", "validations:\n- expression: namespaceObject.metadata.UID != ''"),
        binding("b", "p", "Deny", ""));
    FakeCluster cluster = FakeCluster.create().add(Manifests.one(
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: default, uid: abc}"));
    assertThat(Fixtures.messages(run(plugin, Fixtures.create(deployment(1)), cluster))).containsExactly(
        "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: expression "
            + "'namespaceObject.metadata.UID != ''' resulted in error: no such key: UID");
  }

  @Test
  void validate_equivalentMatch_exposesMatchedKindAndOriginalRequestKind() {
    var plugin = plugin("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: p}
        spec:
          matchConstraints:
            resourceRules:
            - {apiGroups: [events.k8s.io], apiVersions: [v1], operations: [CREATE], resources: [events]}
          validations:
          - expression: "request.kind.group == 'events.k8s.io' && request.resource.group == 'events.k8s.io' && request.requestKind.group == '' && request.requestResource.group == ''"
        """, binding("b", "p", "Deny", ""));
    AdmissionAttributes event = new AdmissionAttributes(null, null, Fixtures.gvk("", "v1", "Event"),
        new GroupVersionResource("", "v1", "events"), "", "default", "e", Operation.CREATE, null, false,
        UserInfo.of("u"));
    AdmissionResult r = run(plugin, event);
    assertThat(r.denials()).isEmpty();
    var exact = plugin(plugin_yaml_exact(), binding("b", "p", "Deny", ""));
    assertThat(run(exact, event)).isEqualTo(AdmissionResult.ALLOWED);
  }

  private static String plugin_yaml_exact() {
    return """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: p}
        spec:
          matchConstraints:
            matchPolicy: Exact
            resourceRules:
            - {apiGroups: [events.k8s.io], apiVersions: [v1], operations: [CREATE], resources: [events]}
          validations:
          - expression: 'false'
        """;
  }

  @Test
  void validate_authorizer_checksAsTheRequestUserWithCachedDecisions() {
    List<RequestAttributes> asked = new ArrayList<>();
    var plugin = plugin(policy("p", """
        validations:
        - expression: authorizer.group('apps').resource('deployments').namespace('default').check('delete').allowed()
        - expression: authorizer.group('apps').resource('deployments').namespace('default').check('delete').allowed()
        - expression: authorizer.requestResource.check('update').allowed()"""),
        binding("b", "p", "Deny", ""));
    AdmissionResult r = plugin.validate(Fixtures.create(deployment(1)), Fixtures.cluster(), a -> {
      asked.add(a);
      return AuthorizationResult.of(a.verb().equals("delete") ? Decision.ALLOW : Decision.NO_OPINION, "");
    });
    assertThat(Fixtures.messages(r)).containsExactly("ValidatingAdmissionPolicy 'p' with binding 'b' denied "
        + "request: failed expression: authorizer.requestResource.check('update').allowed()");
    assertThat(asked).extracting(RequestAttributes::verb).containsExactly("delete", "update");
    assertThat(asked.get(1).user().name()).isEqualTo("alice");
    assertThat(asked.get(1).name()).isEqualTo("web");
  }

  @Test
  void validate_authorizerInAuditAnnotation_compilesButIsUnbound() {
    var plugin = plugin(policy("p", "auditAnnotations:\n- {key: k, valueExpression: "
        + "\"authorizer.path('/x').check('get').reason()\"}"), binding("b", "p", "Deny", ""));
    assertThat(plugin.problems()).isEmpty();
    assertThat(Fixtures.messages(run(plugin, Fixtures.create(deployment(1))))).singleElement().asString()
        .startsWith("ValidatingAdmissionPolicy 'p' with binding 'b' denied request: "
            + "expression 'authorizer.path('/x').check('get').reason()' resulted in error: ");
  }

  @Test
  void validate_authorizerInMessageExpression_isUndeclared() {
    var plugin = plugin(policy("p", "validations:\n- {expression: 'false', "
        + "messageExpression: \"authorizer.path('/x').check('get').reason()\"}"), binding("b", "p", "Deny", ""));
    assertThat(plugin.problems()).singleElement().extracting(ConfigurationProblem::message).asString()
        .contains("spec.validations[0].messageExpression: Invalid value: ")
        .contains("undeclared reference to 'authorizer'");
  }
}

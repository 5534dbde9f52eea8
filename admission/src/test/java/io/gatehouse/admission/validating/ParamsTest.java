package io.gatehouse.admission.validating;

import static io.gatehouse.admission.validating.Fixtures.binding;
import static io.gatehouse.admission.validating.Fixtures.create;
import static io.gatehouse.admission.validating.Fixtures.deployment;
import static io.gatehouse.admission.validating.Fixtures.plugin;
import static io.gatehouse.admission.validating.Fixtures.policy;
import static io.gatehouse.admission.validating.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.FakeCluster;
import io.gatehouse.admission.Manifests;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** paramKind and paramRef resolution as upstream's {@code CollectParams}. */
class ParamsTest {

  private static final String CM_POLICY = """
      paramKind: {apiVersion: v1, kind: ConfigMap}
      validations:
      - expression: object.spec.replicas <= int(params.data.max)
        messageExpression: "'max ' + params.data.max + ' from ' + params.metadata.name"
      """;

  private static Unstructured configMap(String namespace, String name, String max, String tier) {
    return Manifests.one("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s, namespace: %s, labels: {tier: %s}}
        data: {max: "%s"}
        """.formatted(name, namespace, tier, max));
  }

  private static FakeCluster params() {
    return Fixtures.cluster().add(
        configMap("default", "limits", "3", "gold"),
        configMap("default", "b-limits", "2", "gold"),
        configMap("default", "a-limits", "4", "silver"),
        configMap("other", "limits", "1", "gold"));
  }

  private record Case(String name, String paramRef, String... expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String p = "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: ";
    return Stream.of(
        new Case("name in the request namespace", "paramRef: {name: limits, parameterNotFoundAction: Deny}",
            p + "max 3 from limits"),
        new Case("name in an explicit namespace",
            "paramRef: {name: limits, namespace: other, parameterNotFoundAction: Deny}", p + "max 1 from limits"),
        new Case("selector evaluates each param in name order",
            "paramRef: {selector: {matchLabels: {tier: gold}}, parameterNotFoundAction: Deny}",
            p + "max 2 from b-limits", p + "max 3 from limits"),
        new Case("empty selector selects all", "paramRef: {selector: {}, parameterNotFoundAction: Deny}",
            p + "max 4 from a-limits", p + "max 2 from b-limits", p + "max 3 from limits"),
        new Case("missing param with Deny",
            "paramRef: {name: absent, parameterNotFoundAction: Deny}",
            p + "failed to configure binding: no params found for policy binding with `Deny` "
                + "parameterNotFoundAction"),
        new Case("missing param with Allow", "paramRef: {name: absent, parameterNotFoundAction: Allow}"),
        new Case("nothing selected with Allow",
            "paramRef: {selector: {matchLabels: {tier: none}}, parameterNotFoundAction: Allow}"),
        new Case("name and selector",
            "paramRef: {name: limits, selector: {}, parameterNotFoundAction: Deny}",
            p + "failed to configure binding: paramRef.name and paramRef.selector are mutually exclusive"),
        new Case("neither name nor selector", "paramRef: {parameterNotFoundAction: Deny}",
            p + "failed to configure binding: one of name or selector must be provided"),
        new Case("no paramRef: params is null",
            "", p + "expression 'object.spec.replicas <= int(params.data.max)' resulted in error: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_paramRef_resolvesAsUpstream(Case c) {
    var plugin = plugin(policy("p", CM_POLICY), binding("b", "p", "Deny", c.paramRef()));
    var messages = Fixtures.messages(run(plugin, create(deployment(5)), params()));
    if (c.name().startsWith("no paramRef")) {
      assertThat(messages).singleElement().asString().startsWith(c.expected()[0]);
    } else {
      assertThat(messages).containsExactly(c.expected());
    }
  }

  @Test
  void validate_noParamRef_bindsNullParams() {
    var plugin = plugin(policy("p", "paramKind: {apiVersion: v1, kind: ConfigMap}\n"
        + "validations:\n- expression: params != null"), binding("b", "p", "Deny", ""));
    assertThat(Fixtures.messages(run(plugin, create(deployment(5)), params()))).containsExactly(
        "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: failed expression: params != null");
  }

  @Test
  void validate_paramWithoutTypeMeta_getsParamKindApiVersionAndKind() {
    // Typed informers hand out native params without apiVersion/kind; upstream wraps them.
    Unstructured bare = Unstructured.copyOf(java.util.Map.of(
        "metadata", java.util.Map.of("name", "bare", "namespace", "default"), "data", java.util.Map.of()));
    FakeCluster base = Fixtures.cluster();
    io.gatehouse.admission.ClusterState cluster = new io.gatehouse.admission.ClusterState() {
      @Override
      public java.util.Optional<Unstructured> namespace(String name) {
        return base.namespace(name);
      }

      @Override
      public java.util.List<Unstructured> list(io.gatehouse.api.GroupVersionKind kind, String ns, boolean all) {
        return java.util.List.of(bare);
      }

      @Override
      public java.util.Optional<Unstructured> get(io.gatehouse.api.GroupVersionKind kind, String ns, String name) {
        return java.util.Optional.of(bare);
      }
    };
    var plugin = plugin(policy("p", "paramKind: {apiVersion: v1, kind: ConfigMap}\n"
            + "validations:\n- expression: \"params.apiVersion == 'v1' && params.kind == 'ConfigMap'\""),
        binding("b", "p", "Deny", "paramRef: {name: bare, parameterNotFoundAction: Deny}"));
    assertThat(run(plugin, create(deployment(1)), cluster).allowed()).isTrue();
    var typed = plugin(policy("p", "paramKind: {apiVersion: v1, kind: ConfigMap}\n"
            + "validations:\n- expression: \"params.kind == 'Secret'\""),
        binding("b", "p", "Deny", "paramRef: {name: bare, parameterNotFoundAction: Deny}"));
    assertThat(run(typed, create(deployment(1)), cluster).allowed()).isFalse();
  }

  @Test
  void validate_namespacedParamForClusterScopedRequest_isConfigError() {
    var plugin = plugin(
        policy("p", CM_POLICY).replace("[apps]", "['']").replace("[deployments]", "[nodes]"),
        binding("b", "p", "Deny", "paramRef: {name: limits, parameterNotFoundAction: Deny}"));
    AdmissionAttributes node = new AdmissionAttributes(null, null, Fixtures.gvk("", "v1", "Node"),
        new GroupVersionResource("", "v1", "nodes"), "", "", "n1", Operation.CREATE, null, false,
        UserInfo.of("u"));
    assertThat(Fixtures.messages(run(plugin, node, params()))).containsExactly(
        "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: failed to configure binding: "
            + "cannot use namespaced paramRef in policy binding that matches cluster-scoped resources");
  }

  @Test
  void validate_namespaceForClusterScopedParamKind_isConfigError() {
    var plugin = plugin(
        policy("p", "paramKind: {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole}\n"
            + "validations:\n- expression: 'true'"),
        binding("b", "p", "Deny", "paramRef: {name: admin, namespace: default, parameterNotFoundAction: Deny}"));
    assertThat(Fixtures.messages(run(plugin, create(deployment(1)), params()))).containsExactly(
        "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: failed to configure binding: "
            + "paramRef.namespace must not be provided for a cluster-scoped `paramKind`");
  }

  @Test
  void validate_customResourceParams_resolveThroughCatalog() {
    Unstructured crd = Manifests.one("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: replicalimits.rules.example.com}
        spec:
          group: rules.example.com
          scope: Cluster
          names: {plural: replicalimits, singular: replicalimit, kind: ReplicaLimit, listKind: ReplicaLimitList}
          versions:
          - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
        """);
    Unstructured limit = Manifests.one("""
        apiVersion: rules.example.com/v1
        kind: ReplicaLimit
        metadata: {name: global}
        maxReplicas: 2
        """);
    var plugin = plugin(
        policy("p", "paramKind: {apiVersion: rules.example.com/v1, kind: ReplicaLimit}\n"
            + "validations:\n- expression: object.spec.replicas <= params.maxReplicas"),
        binding("b", "p", "Deny", "paramRef: {name: global, parameterNotFoundAction: Deny}"));
    FakeCluster cluster = Fixtures.cluster().crds(crd).add(limit);
    assertThat(run(plugin, create(deployment(2)), cluster).allowed()).isTrue();
    assertThat(run(plugin, create(deployment(3)), cluster).allowed()).isFalse();
  }

  @Test
  void validate_v1alpha1Binding_defaultsParameterNotFoundActionToDeny() {
    String alpha = binding("b", "p", "Deny", "paramRef: {name: absent}")
        .replace("admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1");
    var plugin = plugin(policy("p", CM_POLICY), alpha);
    assertThat(plugin.problems()).isEmpty();
    assertThat(Fixtures.messages(run(plugin, create(deployment(5)), params()))).singleElement().asString()
        .endsWith("no params found for policy binding with `Deny` parameterNotFoundAction");
  }

  @Test
  void validate_v1Binding_requiresParameterNotFoundAction() {
    var plugin = plugin(policy("p", CM_POLICY), binding("b", "p", "Deny", "paramRef: {name: absent}"));
    assertThat(plugin.problems()).singleElement().extracting(ConfigurationProblem::message).isEqualTo(
        "ValidatingAdmissionPolicyBinding.admissionregistration.k8s.io \"b\" is invalid: "
            + "spec.paramRef.parameterNotFoundAction: Required value");
    // Without an action a missing param is allowed.
    assertThat(run(plugin, create(deployment(5)), params()).allowed()).isTrue();
  }
}

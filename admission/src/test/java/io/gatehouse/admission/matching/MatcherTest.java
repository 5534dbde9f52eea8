package io.gatehouse.admission.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.FakeCluster;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ports upstream's {@code policy/matching/matching_test.go} plus selector cases. */
class MatcherTest {

  private record Case(String name, MatchResources criteria, AdmissionAttributes request, MatchOutcome expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Map<String, Object> EMPTY = Map.of();

  private static GroupVersionResource gvr(String g, String v, String r) {
    return new GroupVersionResource(g, v, r);
  }

  private static GroupVersionKind gvk(String g, String v, String k) {
    return new GroupVersionKind(g, v, k);
  }

  private static final FakeCluster CLUSTER = FakeCluster.create().namespace("ns", Map.of("env", "prod"));

  /** Upstream's test mapper: deployments co-located in four group/versions; widgets kindless. */
  private static final EquivalentResources MAPPER = new EquivalentResources() {
    private final List<GroupVersionResource> deployments = List.of(
        gvr("extensions", "v1beta1", "deployments"), gvr("apps", "v1", "deployments"),
        gvr("apps", "v1beta1", "deployments"), gvr("apps", "v1alpha1", "deployments"));

    @Override
    public List<GroupVersionResource> equivalents(GroupVersionResource r, String sub) {
      if (r.resource().equals("deployments")) {
        return deployments;
      }
      if (r.resource().equals("widgets")) {
        return List.of(gvr("example.com", "v1", "widgets"), gvr("example.com", "v2", "widgets"));
      }
      return List.of();
    }

    @Override
    public Optional<GroupVersionKind> kindFor(GroupVersionResource r, String sub) {
      if (!r.resource().equals("deployments")) {
        return Optional.of(gvk("", "", ""));
      }
      if (sub.isEmpty()) {
        return Optional.of(gvk(r.group(), r.version(), "Deployment"));
      }
      return Optional.of(r.version().equals("v1") ? gvk("autoscaling", "v1", "Scale")
          : gvk(r.group(), r.version(), "Scale"));
    }
  };

  private static NamedRuleWithOperations rule(String group, String version, String... resources) {
    return new NamedRuleWithOperations(
        new RuleWithOperations(List.of("*"), List.of(group), List.of(version), List.of(resources), "*"),
        List.of());
  }

  private static MatchResources criteria(@Nullable String policy, NamedRuleWithOperations... rules) {
    return new MatchResources(EMPTY, EMPTY, List.of(rules), List.of(), policy);
  }

  private static AdmissionAttributes attrs(GroupVersionKind kind, GroupVersionResource resource, String sub) {
    return new AdmissionAttributes(null, null, kind, resource, sub, "ns", "name", Operation.CREATE, null,
        false, UserInfo.of("u"));
  }

  private static final AdmissionAttributes DEPLOYMENT =
      attrs(gvk("apps", "v1", "Deployment"), gvr("apps", "v1", "deployments"), "");
  private static final AdmissionAttributes SCALE =
      attrs(gvk("autoscaling", "v1", "Scale"), gvr("apps", "v1", "deployments"), "scale");

  private static MatchOutcome matched(GroupVersionResource r, GroupVersionKind k) {
    return new MatchOutcome.Matched(r, k);
  }

  static Stream<Case> cases() {
    GroupVersionResource appsV1 = gvr("apps", "v1", "deployments");
    return Stream.of(
        new Case("no rules, nil object selector: no match",
            new MatchResources(EMPTY, null, List.of(), List.of(), null), DEPLOYMENT, MatchOutcome.NO_MATCH),
        new Case("wildcard rule, match as requested", criteria(null, rule("*", "*", "*")), DEPLOYMENT,
            matched(appsV1, gvk("apps", "v1", "Deployment"))),
        new Case("specific rules, prefer exact match",
            criteria(null, rule("extensions", "v1", "deployments"), rule("apps", "v1beta1", "deployments"),
                rule("apps", "v1", "deployments")),
            DEPLOYMENT, matched(appsV1, gvk("apps", "v1", "Deployment"))),
        new Case("specific rules, match miss (no match policy)",
            criteria(null, rule("extensions", "v1beta1", "deployments"), rule("apps", "v1beta1", "deployments")),
            DEPLOYMENT, MatchOutcome.NO_MATCH),
        new Case("specific rules, exact match miss",
            criteria("Exact", rule("extensions", "v1beta1", "deployments"), rule("apps", "v1beta1", "deployments")),
            DEPLOYMENT, MatchOutcome.NO_MATCH),
        new Case("equivalent match, prefer extensions",
            criteria("Equivalent", rule("extensions", "v1beta1", "deployments"),
                rule("apps", "v1beta1", "deployments")),
            DEPLOYMENT,
            matched(gvr("extensions", "v1beta1", "deployments"), gvk("extensions", "v1beta1", "Deployment"))),
        new Case("equivalent match, prefer apps",
            criteria("Equivalent", rule("apps", "v1beta1", "deployments"),
                rule("extensions", "v1beta1", "deployments")),
            DEPLOYMENT, matched(gvr("apps", "v1beta1", "deployments"), gvk("apps", "v1beta1", "Deployment"))),
        new Case("subresource prefer exact match",
            criteria(null, rule("extensions", "v1beta1", "deployments", "deployments/scale"),
                rule("apps", "v1", "deployments", "deployments/scale")),
            SCALE, matched(appsV1, gvk("autoscaling", "v1", "Scale"))),
        new Case("subresource exact match miss",
            criteria("Exact", rule("extensions", "v1beta1", "deployments", "deployments/scale")),
            SCALE, MatchOutcome.NO_MATCH),
        new Case("subresource equivalent match, prefer extensions",
            criteria("Equivalent", rule("extensions", "v1beta1", "deployments", "deployments/scale"),
                rule("apps", "v1beta1", "deployments", "deployments/scale")),
            SCALE,
            matched(gvr("extensions", "v1beta1", "deployments"), gvk("extensions", "v1beta1", "Scale"))),
        new Case("equivalent with unknown kind errors",
            criteria("Equivalent", rule("example.com", "v2", "widgets")),
            attrs(gvk("example.com", "v1", "Widget"), gvr("example.com", "v1", "widgets"), ""),
            new MatchOutcome.Failed("unable to convert to example.com/v2, Resource=widgets: unknown kind")),
        new Case("exclude rule wins",
            new MatchResources(EMPTY, EMPTY, List.of(rule("*", "*", "*")),
                List.of(rule("apps", "v1", "deployments")), "Equivalent"),
            DEPLOYMENT, MatchOutcome.NO_MATCH),
        new Case("exclude rule matches by equivalence",
            new MatchResources(EMPTY, EMPTY, List.of(rule("*", "*", "*")),
                List.of(rule("extensions", "v1beta1", "deployments")), "Equivalent"),
            DEPLOYMENT, MatchOutcome.NO_MATCH),
        new Case("treat empty ResourceRules as match",
            new MatchResources(EMPTY, EMPTY, List.of(), List.of(rule("extensions", "v1beta1", "deployments")), null),
            SCALE, matched(appsV1, gvk("autoscaling", "v1", "Scale"))),
        new Case("treat non-empty ResourceRules as no match",
            new MatchResources(EMPTY, EMPTY, List.of(new NamedRuleWithOperations(
                new RuleWithOperations(List.of(), List.of(), List.of(), List.of(), "*"), List.of())),
                List.of(), null),
            SCALE, MatchOutcome.NO_MATCH),
        new Case("resourceNames match the name",
            new MatchResources(EMPTY, EMPTY, List.of(new NamedRuleWithOperations(
                rule("apps", "v1", "deployments").rule(), List.of("other", "name"))), List.of(), null),
            DEPLOYMENT, matched(appsV1, gvk("apps", "v1", "Deployment"))),
        new Case("resourceNames never match a generateName create",
            new MatchResources(EMPTY, EMPTY, List.of(new NamedRuleWithOperations(
                rule("apps", "v1", "deployments").rule(), List.of("name"))), List.of(), null),
            new AdmissionAttributes(null, null, gvk("apps", "v1", "Deployment"), appsV1, "", "ns", "",
                Operation.CREATE, null, false, UserInfo.of("u")),
            MatchOutcome.NO_MATCH),
        new Case("erroring namespace selector on non-matching rule doesn't error",
            new MatchResources(badSelector(), EMPTY, List.of(rule("*", "*", "pods")), List.of(), null),
            DEPLOYMENT, MatchOutcome.NO_MATCH),
        new Case("erroring namespace selector on matching rule errors",
            new MatchResources(badSelector(), EMPTY, List.of(rule("*", "*", "deployments")), List.of(), null),
            DEPLOYMENT,
            new MatchOutcome.Failed("Internal error occurred: \"Foo\" is not a valid label selector operator")),
        new Case("erroring object selector on matching rule errors",
            new MatchResources(EMPTY, badSelector(), List.of(rule("*", "*", "deployments")), List.of(), null),
            DEPLOYMENT,
            new MatchOutcome.Failed("Internal error occurred: \"Foo\" is not a valid label selector operator")),
        new Case("namespace selector matches namespace labels",
            new MatchResources(labels("env", "prod"), EMPTY, List.of(), List.of(), null), DEPLOYMENT,
            matched(appsV1, gvk("apps", "v1", "Deployment"))),
        new Case("namespace selector misses",
            new MatchResources(labels("env", "dev"), EMPTY, List.of(), List.of(), null), DEPLOYMENT,
            MatchOutcome.NO_MATCH),
        new Case("namespace selector on missing namespace errors after rules match",
            new MatchResources(labels("env", "prod"), EMPTY, List.of(), List.of(), null),
            new AdmissionAttributes(null, null, gvk("apps", "v1", "Deployment"), appsV1, "", "gone", "x",
                Operation.CREATE, null, false, UserInfo.of("u")),
            new MatchOutcome.Failed("namespaces \"gone\" not found")),
        new Case("namespace selector ignores cluster-scoped objects",
            new MatchResources(labels("env", "dev"), EMPTY, List.of(), List.of(), null),
            new AdmissionAttributes(null, null, gvk("", "v1", "Node"), gvr("", "v1", "nodes"), "", "", "n1",
                Operation.CREATE, null, false, UserInfo.of("u")),
            matched(gvr("", "v1", "nodes"), gvk("", "v1", "Node"))),
        new Case("namespace create uses the object's own labels",
            new MatchResources(labels("env", "new"), EMPTY, List.of(), List.of(), null),
            new AdmissionAttributes(object(Map.of("env", "new")), null, gvk("", "v1", "Namespace"),
                gvr("", "v1", "namespaces"), "", "", "fresh", Operation.CREATE, null, false, UserInfo.of("u")),
            matched(gvr("", "v1", "namespaces"), gvk("", "v1", "Namespace"))),
        new Case("namespace delete uses the stored namespace",
            new MatchResources(labels("env", "prod"), EMPTY, List.of(), List.of(), null),
            new AdmissionAttributes(null, object(Map.of()), gvk("", "v1", "Namespace"),
                gvr("", "v1", "namespaces"), "", "ns", "ns", Operation.DELETE, null, false, UserInfo.of("u")),
            matched(gvr("", "v1", "namespaces"), gvk("", "v1", "Namespace"))),
        new Case("object selector matches the old object",
            new MatchResources(EMPTY, labels("app", "web"), List.of(), List.of(), null),
            new AdmissionAttributes(object(Map.of()), object(Map.of("app", "web")), gvk("apps", "v1", "Deployment"),
                appsV1, "", "ns", "d", Operation.UPDATE, null, false, UserInfo.of("u")),
            matched(appsV1, gvk("apps", "v1", "Deployment"))),
        new Case("object selector needs an object",
            new MatchResources(EMPTY, labels("app", "web"), List.of(), List.of(), null), DEPLOYMENT,
            MatchOutcome.NO_MATCH));
  }

  private static Map<String, Object> badSelector() {
    return Map.of("matchExpressions", List.of(Map.of("key", "key", "operator", "Foo", "values", List.of("v"))));
  }

  private static Map<String, Object> labels(String k, String v) {
    return Map.of("matchLabels", Map.of(k, v));
  }

  private static Unstructured object(Map<String, String> labels) {
    return Unstructured.copyOf(Map.of("metadata", Map.of("name", "o", "labels", labels)));
  }

  @org.junit.jupiter.api.Test
  void matches_builtinCatalog_matchesEquivalentVersion() {
    // events.k8s.io/v1 events is registered equivalent to core v1 events.
    AdmissionAttributes request =
        attrs(gvk("", "v1", "Event"), gvr("", "v1", "events"), "");
    assertThat(Matcher.matches(request,
            criteria("Equivalent", rule("events.k8s.io", "v1", "events")), CLUSTER))
        .isEqualTo(matched(gvr("events.k8s.io", "v1", "events"), gvk("events.k8s.io", "v1", "Event")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matches_upstreamTable_returnsExpected(Case c) {
    assertThat(Matcher.matches(c.request(), c.criteria(), CLUSTER, MAPPER)).isEqualTo(c.expected());
  }
}

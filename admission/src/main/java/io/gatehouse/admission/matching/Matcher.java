package io.gatehouse.admission.matching;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.selector.InvalidSelectorException;
import io.gatehouse.api.selector.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Matches a request against a {@link MatchResources} in upstream's order (policy {@code
 * matching.Matcher}): namespace selector, object selector, exclusion rules, resource rules (exact,
 * then equivalent), and only then the selector errors of a request that otherwise matched.
 *
 * <p>Stateless; thread-safe.
 */
public final class Matcher {

  private Matcher() {}

  /** Matches {@code attributes} against {@code criteria}, reading namespaces from {@code cluster}. */
  public static MatchOutcome matches(
      AdmissionAttributes attributes, MatchResources criteria, ClusterState cluster) {
    return matches(attributes, criteria, cluster, EquivalentResources.of(cluster.catalog()));
  }

  static MatchOutcome matches(AdmissionAttributes attributes, MatchResources criteria,
      ClusterState cluster, EquivalentResources mapping) {
    Selection namespace = namespaceSelector(attributes, criteria.namespaceSelector(), cluster);
    if (!namespace.matches() && namespace.error() == null) {
      return MatchOutcome.NO_MATCH;
    }
    Selection object = objectSelector(attributes, criteria.objectSelector());
    if (!object.matches() && object.error() == null) {
      return MatchOutcome.NO_MATCH;
    }
    MatchOutcome excluded =
        matchRules(criteria.excludeResourceRules(), criteria.equivalentMatching(), attributes, mapping);
    if (excluded instanceof MatchOutcome.Matched) {
      return MatchOutcome.NO_MATCH;
    }
    if (excluded instanceof MatchOutcome.Failed) {
      return excluded;
    }
    MatchOutcome matched =
        criteria.resourceRules().isEmpty()
            ? new MatchOutcome.Matched(attributes.resource(), attributes.kind())
            : matchRules(criteria.resourceRules(), criteria.equivalentMatching(), attributes, mapping);
    if (!(matched instanceof MatchOutcome.Matched)) {
      return matched;
    }
    if (namespace.error() != null) {
      return new MatchOutcome.Failed(namespace.error());
    }
    if (object.error() != null) {
      return new MatchOutcome.Failed(object.error());
    }
    return matched;
  }

  /**
   * Matches the request against {@code rules} as upstream's {@code matchesResourceRules}: each rule
   * against the request as made, then (if {@code equivalent}) each rule against every equivalent
   * resource.
   */
  static MatchOutcome matchRules(
      List<NamedRuleWithOperations> rules,
      boolean equivalent,
      AdmissionAttributes a,
      EquivalentResources mapping) {
    for (NamedRuleWithOperations rule : rules) {
      if (rule.rule().matches(a.operation(), a.resource(), a.subresource(), a.namespace())
          && rule.nameMatches(a.name())) {
        return new MatchOutcome.Matched(a.resource(), a.kind());
      }
    }
    if (!equivalent) {
      return MatchOutcome.NO_MATCH;
    }
    List<GroupVersionResource> equivalents =
        mapping.equivalents(a.resource(), a.subresource());
    for (NamedRuleWithOperations rule : rules) {
      for (GroupVersionResource candidate : equivalents) {
        if (candidate.equals(a.resource())
            || !rule.rule().matches(a.operation(), candidate, a.subresource(), a.namespace())) {
          continue;
        }
        Optional<GroupVersionKind> kind = mapping.kindFor(candidate, a.subresource());
        if (kind.isEmpty() || kind.get().kind().isEmpty()) {
          return new MatchOutcome.Failed(
              "unable to convert to " + goString(candidate) + ": unknown kind");
        }
        if (rule.nameMatches(a.name())) {
          return new MatchOutcome.Matched(candidate, kind.get());
        }
      }
    }
    return MatchOutcome.NO_MATCH;
  }

  /** Formats a resource as Go's {@code GroupVersionResource.String()} (core group keeps the slash). */
  public static String goString(GroupVersionResource r) {
    return r.group() + "/" + r.version() + ", Resource=" + r.resource();
  }

  /** Formats a kind as Go's {@code GroupVersionKind.String()} (core group keeps the slash). */
  public static String goString(GroupVersionKind k) {
    return k.group() + "/" + k.version() + ", Kind=" + k.kind();
  }

  private record Selection(boolean matches, @Nullable String error) {}

  private static final Selection MATCH = new Selection(true, null);
  private static final Selection NO = new Selection(false, null);

  private static Selection namespaceSelector(
      AdmissionAttributes a, @Nullable Object raw, ClusterState cluster) {
    boolean namespaceRequest = a.resource().resource().equals("namespaces");
    if (a.namespace().isEmpty() && !namespaceRequest) {
      // Cluster-scoped objects other than namespaces are never exempted.
      return MATCH;
    }
    LabelSelector selector;
    try {
      selector = LabelSelector.parse(raw);
    } catch (InvalidSelectorException e) {
      return new Selection(false, internalError(e.getMessage()));
    }
    if (selector.isEverything()) {
      return MATCH;
    }
    Map<String, String> labels;
    if (namespaceRequest
        && a.subresource().isEmpty()
        && (a.operation() == Operation.CREATE || a.operation() == Operation.UPDATE)) {
      // The namespace being written is not stored yet: use its own labels.
      if (a.object() == null) {
        return new Selection(false, internalError("object does not implement the Object interfaces"));
      }
      labels = a.object().labels();
    } else {
      Optional<Unstructured> namespace = cluster.namespace(a.namespace());
      if (namespace.isEmpty()) {
        return new Selection(false, notFound(a.namespace()));
      }
      labels = namespace.get().labels();
    }
    return selector.matches(labels) ? MATCH : NO;
  }

  private static Selection objectSelector(AdmissionAttributes a, @Nullable Object raw) {
    LabelSelector selector;
    try {
      selector = LabelSelector.parse(raw);
    } catch (InvalidSelectorException e) {
      return new Selection(false, internalError(e.getMessage()));
    }
    if (selector.isEverything()) {
      return MATCH;
    }
    boolean matches =
        (a.object() != null && selector.matches(a.object().labels()))
            || (a.oldObject() != null && selector.matches(a.oldObject().labels()));
    return matches ? MATCH : NO;
  }

  /** Returns upstream's text for a namespace the cluster does not have. */
  public static String notFound(String namespace) {
    return "namespaces \"" + namespace + "\" not found";
  }

  private static String internalError(@Nullable String message) {
    return "Internal error occurred: " + message;
  }
}

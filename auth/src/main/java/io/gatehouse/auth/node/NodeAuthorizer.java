package io.gatehouse.auth.node;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.SelectorOperator;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.rbac.PolicyRule;
import io.gatehouse.auth.rbac.RuleMatcher;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's {@code NodeAuthorizer} over a fixed {@link NodeGraph}: never denies; requests of
 * non-nodes get no opinion; graph-scoped resources are allowed when related to the node, with
 * upstream's reasons otherwise; everything else is matched against the static node rules. With
 * {@code AuthorizeNodeWithSelectors} (beta and on from 1.32) Node and Pod requests are scoped too.
 *
 * <p>Immutable and thread-safe.
 */
public final class NodeAuthorizer implements Authorizer, io.gatehouse.auth.RuleResolver {

  private static final Logger LOG = LoggerFactory.getLogger(NodeAuthorizer.class);
  private static final String NODE_USER_PREFIX = "system:node:";
  private static final String NODES_GROUP = "system:nodes";

  private final NodeGraph graph;
  private final List<PolicyRule> nodeRules;
  private final boolean withSelectors;

  private NodeAuthorizer(NodeGraph graph, List<PolicyRule> nodeRules, boolean withSelectors) {
    this.graph = graph;
    this.nodeRules = List.copyOf(nodeRules);
    this.withSelectors = withSelectors;
  }

  /**
   * Creates an authorizer.
   *
   * @param nodeRules the static rules of ClusterRole {@code system:node}
   * @param withSelectors whether {@code AuthorizeNodeWithSelectors} is on
   */
  public static NodeAuthorizer create(NodeGraph graph, List<PolicyRule> nodeRules, boolean withSelectors) {
    return new NodeAuthorizer(graph, nodeRules, withSelectors);
  }

  /** Upstream's default node identifier: the node name, or empty when {@code user} is no node. */
  public static Optional<String> nodeName(UserInfo user) {
    if (!user.name().startsWith(NODE_USER_PREFIX) || !user.groups().contains(NODES_GROUP)) {
      return Optional.empty();
    }
    return Optional.of(user.name().substring(NODE_USER_PREFIX.length()));
  }

  /** Upstream's text when a node asks for its rules. */
  public static final String NO_RULE_RESOLUTION =
      "node authorizer does not support user rule resolution";

  /**
   * Upstream's {@code RulesFor}: nothing for other users (complete); for a node identity nothing
   * and incomplete, with {@link #NO_RULE_RESOLUTION}.
   */
  @Override
  public io.gatehouse.auth.UserRules userRules(UserInfo user, String namespace) {
    return nodeName(user).isPresent()
        ? io.gatehouse.auth.UserRules.unsupported(NO_RULE_RESOLUTION)
        : io.gatehouse.auth.UserRules.NONE;
  }

  /** Returns the nodes an object is related to through the graph (for who-can). */
  public Set<String> relatedNodes(String group, String resource, String namespace, String name) {
    VertexType type = graphType(group, resource);
    return type == null ? Set.of() : graph.nodesOf(type, namespace, name);
  }

  /** Returns the graph this authorizer follows. */
  public NodeGraph graph() {
    return graph;
  }

  /** Returns whether the static node rules allow {@code a}. */
  public boolean staticRulesAllow(RequestAttributes a) {
    return nodeRules.stream().anyMatch(r -> RuleMatcher.allows(a, r));
  }

  private static @Nullable VertexType graphType(String group, String resource) {
    return switch (group + "/" + resource) {
      case "/secrets" -> VertexType.SECRET;
      case "/configmaps" -> VertexType.CONFIGMAP;
      case "/persistentvolumeclaims" -> VertexType.PVC;
      case "/persistentvolumes" -> VertexType.PV;
      case "/serviceaccounts" -> VertexType.SERVICEACCOUNT;
      case "/pods" -> VertexType.POD;
      case "resource.k8s.io/resourceclaims" -> VertexType.RESOURCECLAIM;
      case "resource.k8s.io/resourceslices" -> VertexType.RESOURCESLICE;
      case "storage.k8s.io/volumeattachments" -> VertexType.VOLUMEATTACHMENT;
      default -> null;
    };
  }

  @Override
  public AuthorizationResult authorize(RequestAttributes a) {
    Optional<String> identity = nodeName(a.user());
    if (identity.isEmpty()) {
      return noOpinion("");
    }
    String node = identity.get();
    if (node.isEmpty()) {
      return noOpinion("unknown node for user " + io.gatehouse.api.GoQuote.quote(a.user().name()));
    }
    if (a.resourceRequest()) {
      AuthorizationResult scoped = scoped(node, a);
      if (scoped != null) {
        return scoped;
      }
    }
    return staticRulesAllow(a) ? AuthorizationResult.of(Decision.ALLOW, "") : noOpinion("");
  }

  private @Nullable AuthorizationResult scoped(String node, RequestAttributes a) {
    return switch (a.apiGroup() + "/" + a.resource()) {
      case "/secrets" -> readNamespaced(node, VertexType.SECRET, a);
      case "/configmaps" -> readNamespaced(node, VertexType.CONFIGMAP, a);
      case "/persistentvolumeclaims" -> a.subresource().equals("status")
          ? statusUpdate(node, VertexType.PVC, a) : get(node, VertexType.PVC, a);
      case "/persistentvolumes" -> get(node, VertexType.PV, a);
      case "resource.k8s.io/resourceclaims" -> get(node, VertexType.RESOURCECLAIM, a);
      case "storage.k8s.io/volumeattachments" -> get(node, VertexType.VOLUMEATTACHMENT, a);
      case "/serviceaccounts" -> createToken(node, a);
      case "coordination.k8s.io/leases" -> NodeScopedRules.lease(node, a);
      case "storage.k8s.io/csinodes" -> NodeScopedRules.csiNode(node, a);
      case "resource.k8s.io/resourceslices" -> resourceSlice(node, a);
      case "/nodes" -> withSelectors ? NodeScopedRules.node(node, a) : null;
      case "/pods" -> withSelectors ? pod(node, a) : null;
      default -> null;
    };
  }

  private AuthorizationResult statusUpdate(String node, VertexType type, RequestAttributes a) {
    if (!a.verb().equals("update") && !a.verb().equals("patch")) {
      return noOpinion("can only get/update/patch this type");
    }
    return related(node, type, a);
  }

  private AuthorizationResult get(String node, VertexType type, RequestAttributes a) {
    if (!a.verb().equals("get")) {
      return noOpinion("can only get individual resources of this type");
    }
    if (!a.subresource().isEmpty()) {
      return noOpinion("cannot get subresource");
    }
    return related(node, type, a);
  }

  private AuthorizationResult readNamespaced(String node, VertexType type, RequestAttributes a) {
    if (!Set.of("get", "list", "watch").contains(a.verb())) {
      return noOpinion("can only read resources of this type");
    }
    if (!a.subresource().isEmpty()) {
      return noOpinion("cannot read subresource");
    }
    if (a.namespace().isEmpty()) {
      return noOpinion("can only read namespaced object of this type");
    }
    return related(node, type, a);
  }

  private AuthorizationResult related(String node, VertexType type, RequestAttributes a) {
    if (a.name().isEmpty()) {
      return noOpinion("No Object name found");
    }
    String error = graph.pathError(node, type, a.namespace(), a.name());
    if (error != null) {
      LOG.atDebug().setMessage("NODE DENY").addKeyValue("err", error).log();
      return noOpinion("no relationship found between node '" + node + "' and this object");
    }
    return AuthorizationResult.of(Decision.ALLOW, "");
  }

  private AuthorizationResult createToken(String node, RequestAttributes a) {
    if (!a.verb().equals("create") || a.name().isEmpty()) {
      return noOpinion("can only create tokens for individual service accounts");
    }
    if (!a.subresource().equals("token")) {
      return noOpinion("can only create token subresource of serviceaccount");
    }
    String error = graph.pathError(node, VertexType.SERVICEACCOUNT, a.namespace(), a.name());
    return error == null ? AuthorizationResult.of(Decision.ALLOW, "")
        : noOpinion("no relationship found between node '" + node + "' and this object");
  }

  private AuthorizationResult resourceSlice(String node, RequestAttributes a) {
    if (!a.subresource().isEmpty()) {
      return noOpinion("cannot authorize ResourceSlice subresources");
    }
    return switch (a.verb()) {
      case "create" -> AuthorizationResult.of(Decision.ALLOW, "");
      case "get", "update", "patch", "delete" -> related(node, VertexType.RESOURCESLICE, a);
      case "watch", "list", "deletecollection" -> {
        if (!withSelectors || selects(a, "nodeName", node)) {
          yield AuthorizationResult.of(Decision.ALLOW, "");
        }
        yield noOpinion("can only list/watch/deletecollection resourceslices with nodeName field selector");
      }
      default -> noOpinion("only the following verbs are allowed for a ResourceSlice: get, watch,"
          + " list, create, update, patch, delete, deletecollection");
    };
  }

  private AuthorizationResult pod(String node, RequestAttributes a) {
    switch (a.subresource()) {
      case "" -> {
        switch (a.verb()) {
          case "get" -> {
            return get(node, VertexType.POD, a);
          }
          case "list", "watch" -> {
            if (selects(a, "spec.nodeName", node)) {
              return AuthorizationResult.of(Decision.ALLOW, "");
            }
            if (!a.name().isEmpty()) {
              return related(node, VertexType.POD, a);
            }
            return noOpinion("can only list/watch pods with spec.nodeName field selector");
          }
          case "create", "delete" -> {
            return AuthorizationResult.of(Decision.ALLOW, "");
          }
          default -> { }
        }
      }
      case "status" -> {
        if (a.verb().equals("update") || a.verb().equals("patch")) {
          return AuthorizationResult.of(Decision.ALLOW, "");
        }
      }
      case "eviction" -> {
        if (a.verb().equals("create")) {
          return AuthorizationResult.of(Decision.ALLOW, "");
        }
      }
      default -> { }
    }
    return noOpinion("");
  }

  private static boolean selects(RequestAttributes a, String field, String value) {
    for (FieldSelectorRequirement r : a.fieldSelector()) {
      if (r.field().equals(field) && r.operator() == SelectorOperator.EQUALS && r.value().equals(value)) {
        return true;
      }
    }
    return false;
  }

  static AuthorizationResult noOpinion(String reason) {
    return AuthorizationResult.of(Decision.NO_OPINION, reason);
  }
}

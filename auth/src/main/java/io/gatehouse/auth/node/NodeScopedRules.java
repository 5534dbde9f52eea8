package io.gatehouse.auth.node;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import java.util.Set;

/**
 * The Node authorizer's name-scoped rules, which need no graph: leases in {@code kube-node-lease},
 * CSINodes and (with {@code AuthorizeNodeWithSelectors}) the node's own Node object. Stateless.
 */
final class NodeScopedRules {

  private static final Set<String> LEASE_VERBS = Set.of("get", "create", "update", "patch", "delete");

  private NodeScopedRules() {}

  static AuthorizationResult lease(String node, RequestAttributes a) {
    if (!LEASE_VERBS.contains(a.verb())) {
      return NodeAuthorizer.noOpinion("can only get, create, update, patch, or delete a node lease");
    }
    if (!a.namespace().equals("kube-node-lease")) {
      return NodeAuthorizer.noOpinion("can only access leases in the \"kube-node-lease\" system namespace");
    }
    if (!a.verb().equals("create") && !a.name().equals(node)) {
      return NodeAuthorizer.noOpinion(
          "can only access node lease with the same name as the requesting node");
    }
    return AuthorizationResult.of(Decision.ALLOW, "");
  }

  static AuthorizationResult csiNode(String node, RequestAttributes a) {
    if (!LEASE_VERBS.contains(a.verb())) {
      return NodeAuthorizer.noOpinion("can only get, create, update, patch, or delete a CSINode");
    }
    if (!a.subresource().isEmpty()) {
      return NodeAuthorizer.noOpinion("cannot authorize CSINode subresources");
    }
    if (!a.verb().equals("create") && !a.name().equals(node)) {
      return NodeAuthorizer.noOpinion(
          "can only access CSINode with the same name as the requesting node");
    }
    return AuthorizationResult.of(Decision.ALLOW, "");
  }

  static AuthorizationResult node(String node, RequestAttributes a) {
    switch (a.subresource()) {
      case "" -> {
        switch (a.verb()) {
          case "create", "update", "patch" -> {
            return AuthorizationResult.of(Decision.ALLOW, "");
          }
          case "get", "list", "watch" -> {
            if (a.name().equals(node)) {
              return AuthorizationResult.of(Decision.ALLOW, "");
            }
            if (a.name().isEmpty()) {
              return NodeAuthorizer.noOpinion(
                  "node '" + node + "' cannot read all nodes, only its own Node object");
            }
            return NodeAuthorizer.noOpinion("node '" + node + "' cannot read '" + a.name()
                + "', only its own Node object");
          }
          default -> { }
        }
      }
      case "status" -> {
        if (a.verb().equals("update") || a.verb().equals("patch")) {
          return AuthorizationResult.of(Decision.ALLOW, "");
        }
      }
      default -> { }
    }
    return NodeAuthorizer.noOpinion("");
  }
}

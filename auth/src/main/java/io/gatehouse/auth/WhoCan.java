package io.gatehouse.auth;

import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.cel.MatchResult;
import io.gatehouse.auth.node.NodeAuthorizer;
import io.gatehouse.auth.rbac.Grant;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.auth.webhook.WebhookAuthorizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers "who can do this?" over an {@link AuthorizerChain}: every subject an authorizer of the
 * chain allows the request for, with how, and the webhooks whose matchConditions select the
 * request (they are consulted at their place in the chain and may deny or allow further).
 *
 * <ul>
 *   <li>privileged groups: {@code Group system:masters};
 *   <li>RBAC: every User, Group and ServiceAccount subject of a binding whose role has a rule
 *       allowing the request (see {@link RbacAuthorizer#grants});
 *   <li>Node: {@code Group system:nodes} when any node may (the static node rules, or name-scoped
 *       rules that need no graph), else {@code User system:node:<name>} for each node of the graph
 *       the object is related to;
 *   <li>AlwaysAllow: {@code Group system:authenticated} and {@code Group system:unauthenticated}.
 * </ul>
 *
 * <p>A webhook's matchConditions are evaluated with the request and an empty user (who-can asks
 * about no one in particular): conditions on the user are evaluated against that. Stateless.
 */
public final class WhoCan {

  /** A way a subject is allowed. */
  public sealed interface Via {
    /** The authorizer that allows. */
    AuthorizerChain.Entry authorizer();

    /** Returns a one-line description. */
    String describe();
  }

  /**
   * Allowed by an RBAC binding.
   *
   * @param authorizer the RBAC authorizer
   * @param grant the binding, subject and rule
   */
  public record RbacVia(AuthorizerChain.Entry authorizer, Grant grant) implements Via {
    @Override
    public String describe() {
      return grant.describe();
    }
  }

  /**
   * Allowed by another authorizer.
   *
   * @param authorizer the authorizer
   * @param description why
   */
  public record OtherVia(AuthorizerChain.Entry authorizer, String description) implements Via {
    @Override
    public String describe() {
      return description;
    }
  }

  /**
   * A subject and every way it is allowed.
   *
   * @param kind {@code User}, {@code Group} or {@code ServiceAccount}
   * @param name the name
   * @param namespace the ServiceAccount's namespace, empty otherwise
   * @param via the ways, in chain order
   */
  public record SubjectAccess(String kind, String name, String namespace, List<Via> via) {
    /** Copies the list. */
    public SubjectAccess {
      via = List.copyOf(via);
    }
  }

  /**
   * A webhook that the request would be sent to.
   *
   * @param authorizer the webhook's chain entry
   * @param position its index in the chain (0 is the privileged-group authorizer)
   * @param match what its matchConditions said
   * @param beforeRbac whether it comes before the RBAC authorizer (it can then deny what RBAC allows)
   */
  public record WebhookConsulted(
      AuthorizerChain.Entry authorizer, int position, MatchResult match, boolean beforeRbac) {}

  /**
   * The answer.
   *
   * @param subjects the subjects, in the order first found
   * @param webhooks the webhooks whose matchConditions select the request (or fail on it)
   */
  public record Answer(List<SubjectAccess> subjects, List<WebhookConsulted> webhooks) {
    /** Copies the lists. */
    public Answer {
      subjects = List.copyOf(subjects);
      webhooks = List.copyOf(webhooks);
    }
  }

  private WhoCan() {}

  /** Answers for {@code request} (its user is ignored). */
  public static Answer of(AuthorizerChain chain, RequestAttributes request) {
    Map<String, SubjectAccess> subjects = new LinkedHashMap<>();
    List<WebhookConsulted> webhooks = new ArrayList<>();
    RequestAttributes anonymous = withUser(request, new UserInfo("", "", List.of(), Map.of()));
    int rbacIndex = indexOfType(chain, "RBAC");
    for (int i = 0; i < chain.entries().size(); i++) {
      AuthorizerChain.Entry e = chain.entries().get(i);
      Authorizer a = e.authorizer();
      switch (a) {
        case PrivilegedGroupAuthorizer p -> p.groups().stream().sorted().forEach(g ->
            add(subjects, "Group", g, "", new OtherVia(e, "privileged group " + g)));
        case RbacAuthorizer rbac -> {
          for (Grant g : rbac.grants(request)) {
            add(subjects, g.subject().kind(), g.subject().name(), g.subject().namespace(),
                new RbacVia(e, g));
          }
        }
        case NodeAuthorizer node -> nodes(subjects, e, node, request);
        case AlwaysAllowAuthorizer always -> {
          add(subjects, "Group", "system:authenticated", "", new OtherVia(e, "AlwaysAllow"));
          add(subjects, "Group", "system:unauthenticated", "", new OtherVia(e, "AlwaysAllow"));
        }
        case WebhookAuthorizer w -> {
          MatchResult m = w.match(anonymous);
          if (!(m instanceof MatchResult.NotMatched)) {
            webhooks.add(new WebhookConsulted(e, i, m, rbacIndex < 0 || i < rbacIndex));
          }
        }
        default -> { }
      }
    }
    return new Answer(List.copyOf(subjects.values()), webhooks);
  }

  private static void nodes(Map<String, SubjectAccess> subjects, AuthorizerChain.Entry e,
      NodeAuthorizer node, RequestAttributes request) {
    String unknownNode = "\u0000";
    if (node.authorize(withUser(request, nodeUser(unknownNode))).decision() == Decision.ALLOW) {
      add(subjects, "Group", "system:nodes", "", new OtherVia(e,
          "Node authorizer: any node (user system:node:<name> in group system:nodes)"));
      return;
    }
    for (String n : node.graph().nodes()) {
      if (node.authorize(withUser(request, nodeUser(n))).decision() == Decision.ALLOW) {
        add(subjects, "User", "system:node:" + n, "", new OtherVia(e,
            "Node authorizer: the object is related to node " + n + " (in group system:nodes)"));
      }
    }
  }

  private static UserInfo nodeUser(String node) {
    return UserInfo.of("system:node:" + node, "system:nodes", "system:authenticated");
  }

  private static int indexOfType(AuthorizerChain chain, String type) {
    for (int i = 0; i < chain.entries().size(); i++) {
      if (chain.entries().get(i).type().equals(type)) {
        return i;
      }
    }
    return -1;
  }

  private static void add(
      Map<String, SubjectAccess> subjects, String kind, String name, String namespace, Via via) {
    String key = kind + "/" + namespace + "/" + name;
    SubjectAccess old = subjects.get(key);
    List<Via> vias = new ArrayList<>(old == null ? List.of() : old.via());
    vias.add(via);
    subjects.put(key, new SubjectAccess(kind, name, namespace, vias));
  }

  private static RequestAttributes withUser(RequestAttributes a, UserInfo user) {
    return new RequestAttributes(user, a.verb(), a.resourceRequest(), a.namespace(), a.apiGroup(),
        a.apiVersion(), a.resource(), a.subresource(), a.name(), a.path(), a.fieldSelector(),
        a.fieldSelectorError(), a.labelSelector(), a.labelSelectorError());
  }
}

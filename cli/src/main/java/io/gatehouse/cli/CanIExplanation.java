package io.gatehouse.cli;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.auth.AuthorizerChain;
import io.gatehouse.auth.cel.MatchResult;
import io.gatehouse.auth.cel.RequestValue;
import io.gatehouse.auth.node.NodeAuthorizer;
import io.gatehouse.auth.webhook.WebhookAuthorizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code -o json} document of {@code can-i} and the notes its text output prints: which
 * authorizer decided, the rule that allowed (RBAC's {@code allowed by} reason), why each
 * authorizer asked had no opinion, and for webhooks whether their matchConditions select the
 * request and whether the webhook could be called.
 */
final class CanIExplanation {

  /** A remark printed after the answer in text output. */
  record Note(String text) {}

  private CanIExplanation() {}

  static List<Note> notes(
      AuthorizerChain chain, AuthorizerChain.Explanation explanation, RequestAttributes request) {
    List<Note> notes = new ArrayList<>();
    for (AuthorizerChain.Step step : explanation.steps()) {
      if (step.entry().authorizer() instanceof WebhookAuthorizer w
          && w.match(request) instanceof MatchResult.Matched && !step.result().error().isEmpty()) {
        notes.add(new Note("webhook authorizer " + w.name() + " selects this request but could not"
            + " be called (" + step.result().error() + "); its failurePolicy "
            + w.configuration().failurePolicy() + " decided"));
      }
    }
    return notes;
  }

  static Map<String, Object> toJson(AuthorizerChain chain, AuthorizerChain.Explanation explanation,
      RequestAttributes request, List<Note> notes) {
    AuthorizationResult r = explanation.result();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("allowed", r.decision() == Decision.ALLOW);
    out.put("denied", r.decision() == Decision.DENY);
    out.put("reason", r.reason());
    out.put("evaluationError", r.error());
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", request.user().name());
    user.put("groups", request.user().groups());
    out.put("user", user);
    Map<String, Object> spec = RequestValue.specJson(request, AuthSetup.VERSION);
    spec.keySet().retainAll(List.of("resourceAttributes", "nonResourceAttributes"));
    out.put("request", spec);
    AuthorizerChain.Step last = explanation.steps().get(explanation.steps().size() - 1);
    boolean decided = last.result().decision() != Decision.NO_OPINION;
    out.put("decidedBy", decided ? entry(last.entry()) : null);
    List<Object> authorizers = new ArrayList<>();
    for (int i = 0; i < chain.entries().size(); i++) {
      AuthorizerChain.Entry e = chain.entries().get(i);
      AuthorizerChain.Step step = i < explanation.steps().size() ? explanation.steps().get(i) : null;
      authorizers.add(authorizer(e, step, request));
    }
    out.put("authorizers", authorizers);
    out.put("notes", notes.stream().map(Note::text).toList());
    return out;
  }

  private static Map<String, Object> entry(AuthorizerChain.Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.type());
    m.put("name", e.name());
    return m;
  }

  private static Map<String, Object> authorizer(
      AuthorizerChain.Entry e, AuthorizerChain.@Nullable Step step, RequestAttributes request) {
    Map<String, Object> m = entry(e);
    m.put("asked", step != null);
    if (step != null) {
      m.put("decision", switch (step.result().decision()) {
        case ALLOW -> "Allow";
        case DENY -> "Deny";
        case NO_OPINION -> "NoOpinion";
      });
      m.put("reason", step.result().reason());
      m.put("error", step.result().error());
    }
    if (e.authorizer() instanceof WebhookAuthorizer w) {
      m.put("failurePolicy", w.configuration().failurePolicy());
      MatchResult match = w.match(request);
      Map<String, Object> mc = new LinkedHashMap<>();
      switch (match) {
        case MatchResult.Matched x -> mc.put("selects", true);
        case MatchResult.NotMatched x -> {
          mc.put("selects", false);
          mc.put("falseCondition", x.expression());
        }
        case MatchResult.Errored x -> {
          mc.put("selects", null);
          mc.put("error", x.error());
        }
      }
      m.put("matchConditions", mc);
      boolean called = step != null && match instanceof MatchResult.Matched;
      m.put("called", called);
      if (called) {
        m.put("reachable", step.result().error().isEmpty()
            || step.result().error().equals(WebhookAuthorizer.BOTH_ALLOW_AND_DENY));
      }
    }
    if (step != null) {
      String why = why(e, step, request);
      if (why != null) {
        m.put("explanation", why);
      }
    }
    return m;
  }

  private static @Nullable String why(
      AuthorizerChain.Entry e, AuthorizerChain.Step step, RequestAttributes request) {
    AuthorizationResult r = step.result();
    if (r.decision() == Decision.ALLOW) {
      return r.reason().isEmpty() ? "allowed by " + e.type() + " authorizer " + e.name() : r.reason();
    }
    if (r.decision() == Decision.DENY) {
      return "denied by " + e.type() + " authorizer " + e.name();
    }
    return switch (e.type()) {
      case AuthorizerChain.PRIVILEGED_GROUPS -> "the user is not in group system:masters";
      case "RBAC" -> r.reason().isEmpty()
          ? "no RBAC rule allows this request for this user" : r.reason();
      case "Node" -> NodeAuthorizer.nodeName(request.user()).isEmpty()
          ? "the user is not a node (system:node:<name> in group system:nodes)"
          : r.reason().isEmpty() ? "no node rule allows this request" : r.reason();
      case "AlwaysDeny" -> "AlwaysDeny never allows; later authorizers are still asked";
      case "Webhook" -> {
        WebhookAuthorizer w = (WebhookAuthorizer) e.authorizer();
        yield switch (w.match(request)) {
          case MatchResult.NotMatched n ->
              "matchConditions[" + n.index() + "] is false: the webhook is skipped";
          case MatchResult.Errored x -> "matchConditions failed; failurePolicy "
              + w.configuration().failurePolicy() + " applies";
          case MatchResult.Matched x -> r.error().isEmpty()
              ? "the webhook answered with no opinion"
              : "the webhook could not be called offline; failurePolicy "
                  + w.configuration().failurePolicy() + " applies";
        };
      }
      default -> r.reason().isEmpty() ? null : r.reason();
    };
  }
}

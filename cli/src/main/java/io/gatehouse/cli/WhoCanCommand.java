package io.gatehouse.cli;

import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.WhoCan;
import io.gatehouse.auth.cel.MatchResult;
import io.gatehouse.auth.rbac.Grant;
import io.gatehouse.auth.webhook.WebhookAuthorizer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse auth who-can}: every subject the authorizer chain allows a request for, with
 * the binding and role (or other authorizer) that grants it, and the webhooks whose matchConditions
 * select the request. Exits 0, or 2 on bad input.
 */
@Command(
    name = "who-can",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "List every subject allowed to do something, and the webhooks that would be consulted.",
      "Exit codes: 0 answered, 2 bad input or usage."
    })
final class WhoCanCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin AuthRequestOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean json = options.json();
    AuthSetup setup = AuthSetup.read(options, err);
    RequestAttributes request = AuthRequest.of(
        options, setup.catalog(), new UserInfo("", "", List.of(), Map.of()), err);
    WhoCan.Answer answer = WhoCan.of(setup.chain(), request);
    if (json) {
      out.println(Json.pretty(toJson(answer)));
    } else {
      text(answer, out);
    }
    return Gatehouse.OK;
  }

  static Map<String, Object> toJson(WhoCan.Answer answer) {
    List<Object> subjects = new ArrayList<>();
    for (WhoCan.SubjectAccess s : answer.subjects()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", s.kind());
      m.put("name", s.name());
      if (!s.namespace().isEmpty()) {
        m.put("namespace", s.namespace());
      }
      m.put("via", s.via().stream().map(WhoCanCommand::via).toList());
      subjects.add(m);
    }
    List<Object> webhooks = new ArrayList<>();
    for (WhoCan.WebhookConsulted w : answer.webhooks()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", w.authorizer().name());
      m.put("position", w.position());
      m.put("failurePolicy",
          ((WebhookAuthorizer) w.authorizer().authorizer()).configuration().failurePolicy());
      m.put("matchConditions", w.match() instanceof MatchResult.Errored e ? e.error() : "selected");
      m.put("note", note(w));
      webhooks.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subjects", subjects);
    out.put("webhooksConsulted", webhooks);
    return out;
  }

  private static Map<String, Object> via(WhoCan.Via v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("authorizer", ordered("type", v.authorizer().type(), "name", v.authorizer().name()));
    if (v instanceof WhoCan.RbacVia r) {
      Grant g = r.grant();
      Map<String, Object> binding = new LinkedHashMap<>();
      binding.put("kind", g.binding().clusterScoped() ? "ClusterRoleBinding" : "RoleBinding");
      binding.put("name", g.binding().name());
      if (!g.binding().clusterScoped()) {
        binding.put("namespace", g.binding().namespace());
      }
      m.put("binding", binding);
      m.put("role", ordered("kind", g.binding().roleKind(), "name", g.binding().roleName()));
    }
    m.put("description", v.describe());
    return m;
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static String note(WhoCan.WebhookConsulted w) {
    String where = w.beforeRbac()
        ? "it is asked before RBAC: it may deny subjects listed here, or allow others"
        : "it is asked after RBAC: it may allow subjects not listed here";
    return w.match() instanceof MatchResult.Errored
        ? "its matchConditions fail on this request, so its failurePolicy decides there; " + where
        : "its matchConditions select this request; " + where;
  }

  private static void text(WhoCan.Answer answer, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    for (WhoCan.SubjectAccess s : answer.subjects()) {
      String subject = s.kind() + " " + (s.namespace().isEmpty() ? s.name() : s.namespace() + "/" + s.name());
      for (int i = 0; i < s.via().size(); i++) {
        rows.add(new String[] {i == 0 ? subject : "", s.via().get(i).describe()});
      }
    }
    int width = "SUBJECT".length();
    for (String[] r : rows) {
      width = Math.max(width, r[0].length());
    }
    out.println(pad("SUBJECT", width) + "   VIA");
    for (String[] r : rows) {
      out.println(pad(r[0], width) + "   " + r[1]);
    }
    for (WhoCan.WebhookConsulted w : answer.webhooks()) {
      out.println("Webhook " + w.authorizer().name() + " (failurePolicy "
          + ((WebhookAuthorizer) w.authorizer().authorizer()).configuration().failurePolicy()
          + "): " + note(w));
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}

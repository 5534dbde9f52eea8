package io.gatehouse.cli;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.AuthorizerChain;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse auth can-i}: {@code kubectl auth can-i} without a cluster. Prints {@code yes},
 * or {@code no} followed by {@code  - <reason>} and {@code  - <evaluationError>} when present, as
 * kubectl prints a SubjectAccessReview's status; exits 0 for yes, 1 for no, 2 on bad input.
 */
@Command(
    name = "can-i",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Check whether a user may do something, evaluating the authorizer chain offline.",
      "Exit codes: 0 yes, 1 no, 2 bad input or usage."
    })
final class CanICommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin AuthRequestOptions options;

  @Option(names = "--as", paramLabel = "USER", required = true, description = "The user to ask for.")
  String as = "";

  @Option(names = "--as-group", paramLabel = "G", description = "A group of the user. Repeatable.")
  List<String> asGroups = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean json = options.json();
    AuthSetup setup = AuthSetup.read(options, err);
    UserInfo user = Impersonation.user(as, asGroups);
    RequestAttributes request = AuthRequest.of(options, setup.catalog(), user, err);
    AuthorizerChain.Explanation explanation = setup.chain().explain(request);
    List<CanIExplanation.Note> notes = CanIExplanation.notes(setup.chain(), explanation, request);
    AuthorizationResult r = explanation.result();
    if (json) {
      out.println(Json.pretty(CanIExplanation.toJson(setup.chain(), explanation, request, notes)));
    } else {
      StringBuilder line = new StringBuilder(r.allowed() ? "yes" : "no");
      if (!r.allowed()) {
        if (!r.reason().isEmpty()) {
          line.append(" - ").append(r.reason());
        }
        if (!r.error().isEmpty()) {
          line.append(" - ").append(r.error());
        }
      }
      out.println(line);
      notes.forEach(n -> err.println("Note: " + n.text()));
    }
    return r.decision() == Decision.ALLOW ? Gatehouse.OK : Gatehouse.DENIED;
  }
}

package io.gatehouse.admission.validating;

import io.gatehouse.admission.expression.Budgets;
import io.gatehouse.admission.expression.CelTypeNames;
import io.gatehouse.admission.expression.EvaluationInput;
import io.gatehouse.admission.expression.ExpressionResult;
import io.gatehouse.admission.expression.FilterResult;
import io.gatehouse.admission.matching.MatchConditionResult;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import dev.cel.common.values.NullValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a compiled policy for one binding and param, as upstream's {@code validator.Validate}:
 * matchConditions (own budget), validations in order (10,000,000 budget), messageExpressions with
 * what is left, then auditAnnotations with a fresh budget.
 *
 * <p>Stateless; thread-safe.
 */
final class PolicyValidator {

  private PolicyValidator() {}

  static ValidateResult validate(
      CompiledPolicy compiled,
      RequestContext ctx,
      GroupVersionResource matchedResource,
      GroupVersionKind matchedKind,
      Object params,
      @Nullable Unstructured namespace) {
    return validate(compiled, ctx, matchedResource, matchedKind, params, namespace,
        Budgets.RUNTIME_BUDGET);
  }

  /** As above with another budget for validations and auditAnnotations (tests only, as upstream). */
  static ValidateResult validate(
      CompiledPolicy compiled,
      RequestContext ctx,
      GroupVersionResource matchedResource,
      GroupVersionKind matchedKind,
      Object params,
      @Nullable Unstructured namespace,
      long budget) {
    Policy policy = compiled.policy;
    boolean ignore = policy.ignoresFailures();
    if (compiled.matchConditions != null) {
      // Match conditions see the request's own resource with the matched kind, and no namespace.
      EvaluationInput input =
          new EvaluationInput(ctx.object(), ctx.oldObject(),
              ctx.request(ctx.attributes.resource(), matchedKind), NullValue.NULL_VALUE, params,
              ctx.authorizer(), ctx.requestResource());
      MatchConditionResult match = compiled.matchConditions.match(input);
      if (match.error() != null) {
        return ValidateResult.of(PolicyDecision.error(ignore, match.error(), "", "matchConditions"));
      }
      if (!match.matches()) {
        return ValidateResult.NOT_APPLIED;
      }
    }
    EvaluationInput input =
        new EvaluationInput(ctx.object(), ctx.oldObject(), ctx.request(matchedResource, matchedKind),
            ctx.namespaceValue(namespace, true), params, ctx.authorizer(), ctx.requestResource());
    boolean tracked = !compiled.validationsUntracked(budget);
    FilterResult validations = compiled.validations.evaluate(input, budget, tracked);
    if (validations instanceof FilterResult.Failed failed) {
      return ValidateResult.of(PolicyDecision.error(ignore, failed.message(), "", "validations"));
    }
    FilterResult.Evaluated evaluated = (FilterResult.Evaluated) validations;
    FilterResult messages = messages(compiled, input, evaluated, tracked);
    List<PolicyDecision> decisions = new ArrayList<>();
    for (int i = 0; i < evaluated.results().size(); i++) {
      decisions.add(decision(policy, i, evaluated.results().get(i), messages, ignore));
    }

    if (compiled.auditAnnotations.isEmpty()) {
      return new ValidateResult(true, decisions, List.of());
    }
    EvaluationInput auditInput =
        input.withNamespaceObject(ctx.namespaceValue(namespace, false)).withoutAuthorizer();
    FilterResult audit =
        compiled.auditAnnotations.evaluate(
            auditInput, budget, !compiled.auditAnnotationsUntracked(budget));
    if (audit instanceof FilterResult.Failed failed) {
      return ValidateResult.of(PolicyDecision.error(ignore, failed.message(), "", "auditAnnotations"));
    }
    return new ValidateResult(
        true, decisions, auditAnnotations(policy, (FilterResult.Evaluated) audit, ignore));
  }

  /**
   * Evaluates the messageExpressions with the budget the validations left, as upstream always
   * does. When the messageExpressions run out of that budget, upstream turns every validation that
   * did not fail by itself, passed or not, into an error {@code failed messageExpression: <err>}.
   * Untracked, no budget can run out, and the results only matter for denied validations, so
   * nothing runs when none is denied.
   */
  private static FilterResult messages(
      CompiledPolicy compiled,
      EvaluationInput input,
      FilterResult.Evaluated validations,
      boolean tracked) {
    boolean anyDenied =
        validations.results().stream()
            .anyMatch(r -> r instanceof ExpressionResult.Value v && !Boolean.TRUE.equals(v.value()));
    if (compiled.messages.isEmpty() || (!tracked && !anyDenied)) {
      return NO_MESSAGES;
    }
    return compiled.messages.evaluate(input.withoutAuthorizer(), validations.remaining(), tracked);
  }

  private static final FilterResult NO_MESSAGES = new FilterResult.Evaluated(List.of(), 0);

  private static PolicyDecision decision(
      Policy policy,
      int i,
      @Nullable ExpressionResult result,
      FilterResult messageResults,
      boolean ignore) {
    Policy.Validation validation = policy.validations().get(i);
    String check = "validations[" + i + "]";
    if (result instanceof ExpressionResult.Error e) {
      return PolicyDecision.error(ignore, e.message(), validation.expression(), check);
    }
    if (messageResults instanceof FilterResult.Failed failed) {
      return PolicyDecision.error(ignore, "failed messageExpression: " + failed.message(),
          validation.messageExpression(), check);
    }
    List<@Nullable ExpressionResult> messages = ((FilterResult.Evaluated) messageResults).results();
    if (result instanceof ExpressionResult.Value v && Boolean.TRUE.equals(v.value())) {
      return new PolicyDecision(PolicyDecision.Action.ADMIT, PolicyDecision.Evaluation.ADMIT, "",
          "", validation.expression(), check);
    }
    String reason = validation.reason() == null ? "Invalid" : validation.reason();
    String message = "";
    if (i < messages.size() && messages.get(i) instanceof ExpressionResult.Value mv
        && mv.value() instanceof String s) {
      message = GoText.trimSpace(s);
      if (message.getBytes(StandardCharsets.UTF_8).length > Budgets.MAX_MESSAGE_BYTES
          || message.contains("\n")) {
        message = "";
      }
    }
    if (message.isEmpty() && !validation.message().isEmpty()) {
      message = GoText.trimSpace(validation.message());
    }
    if (message.isEmpty()) {
      message = "failed expression: " + GoText.trimSpace(validation.expression());
    }
    return new PolicyDecision(PolicyDecision.Action.DENY, PolicyDecision.Evaluation.DENY, message,
        reason, validation.expression(), check);
  }

  private static List<AuditAnnotationResult> auditAnnotations(
      Policy policy, FilterResult.Evaluated audit, boolean ignore) {
    List<AuditAnnotationResult> out = new ArrayList<>();
    for (int i = 0; i < audit.results().size(); i++) {
      Policy.AuditAnnotation a = policy.auditAnnotations().get(i);
      ExpressionResult r = audit.results().get(i);
      AuditAnnotationResult.Action action;
      String value = "";
      String error = "";
      if (r instanceof ExpressionResult.Error e) {
        action = ignore ? AuditAnnotationResult.Action.EXCLUDE : AuditAnnotationResult.Action.ERROR;
        error = e.message();
      } else {
        Object v = ((ExpressionResult.Value) r).value();
        if (v instanceof String s) {
          value = GoText.trimSpace(s);
          action = value.isEmpty()
              ? AuditAnnotationResult.Action.EXCLUDE
              : AuditAnnotationResult.Action.PUBLISH;
        } else if (v instanceof NullValue) {
          action = AuditAnnotationResult.Action.EXCLUDE;
        } else {
          action = AuditAnnotationResult.Action.ERROR;
          error = "valueExpression '" + a.valueExpression() + "' resulted in unsupported return type: "
              + CelTypeNames.ofValue(v) + ". Return type must be either string or null.";
        }
      }
      out.add(new AuditAnnotationResult(action, a.key(), value, error, i, a.valueExpression()));
    }
    return out;
  }
}

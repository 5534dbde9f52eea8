package io.gatehouse.admission.validating;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.matching.MatchOutcome;
import io.gatehouse.admission.matching.Matcher;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.catalog.ApiResource;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Dispatches one request to every policy with bindings, as upstream's validating dispatcher:
 * policy match, policy configuration, binding match, params, namespace, evaluation per param, and
 * routing of each denied decision through the binding's validationActions. Configuration errors
 * under {@code Fail} deny regardless of the actions; under {@code Ignore} they are dropped.
 *
 * <p>Stateless; thread-safe.
 */
final class Dispatcher {

  private static final int MAX_AUDIT_ANNOTATION_VALUE_BYTES = 10 * 1024;

  private Dispatcher() {}

  static void dispatch(List<PolicyHook> hooks, RequestContext ctx, Outcome out) {
    AdmissionAttributes a = ctx.attributes;
    for (PolicyHook hook : hooks) {
      Policy policy = hook.compiled().policy;
      if (policy.matchConstraints() == null) {
        configError(out, policy, null, "policy contained no match constraints, a required field");
        continue;
      }
      MatchOutcome match = Matcher.matches(a, policy.matchConstraints(), ctx.cluster);
      if (match instanceof MatchOutcome.Failed f) {
        configError(out, policy, null, f.message());
        continue;
      }
      if (!(match instanceof MatchOutcome.Matched matched)) {
        continue;
      }
      ApiResource paramMapping = null;
      if (policy.paramKind() != null) {
        GroupVersionKind kind =
            GroupVersion.parse(policy.paramKind().apiVersion()).withKind(policy.paramKind().kind());
        Optional<ApiResource> found = ctx.cluster.catalog().resourceFor(kind);
        if (found.isEmpty()) {
          configError(out, policy, null,
              "failed to find resource referenced by paramKind: '" + Matcher.goString(kind) + "'");
          continue;
        }
        paramMapping = found.get();
      }
      AuditAnnotationCollector collector = new AuditAnnotationCollector();
      for (Binding binding : hook.bindings()) {
        if (!dispatchBinding(hook.compiled(), binding, matched, paramMapping, ctx, out, collector)) {
          return;
        }
      }
      collector.publish(policy.name(), out.annotations());
    }
  }

  /** Returns false when the request must end (a missing namespace). */
  private static boolean dispatchBinding(CompiledPolicy compiled, Binding binding,
      MatchOutcome.Matched matched, @Nullable ApiResource paramMapping,
      RequestContext ctx, Outcome out, AuditAnnotationCollector collector) {
    Policy policy = compiled.policy;
    AdmissionAttributes a = ctx.attributes;
    if (binding.matchResources() != null) {
      MatchOutcome bm = Matcher.matches(a, binding.matchResources(), ctx.cluster);
      if (bm instanceof MatchOutcome.Failed f) {
        configError(out, policy, binding, f.message());
        return true;
      }
      if (!(bm instanceof MatchOutcome.Matched)) {
        return true;
      }
    }
    ParamCollector.Outcome params =
        ParamCollector.collect(policy.paramKind(), paramMapping, binding.paramRef(), a.namespace(),
            ctx.cluster);
    if (params instanceof ParamCollector.Error e) {
      configError(out, policy, binding, e.message());
      return true;
    }
    String namespaceName = a.namespace();
    GroupVersionKind kind = a.kind();
    if (kind.group().isEmpty() && kind.version().equals("v1") && kind.kind().equals("Namespace")) {
      namespaceName = "";
    }
    Unstructured namespace = null;
    if (!namespaceName.isEmpty()) {
      Optional<Unstructured> found = ctx.cluster.namespace(namespaceName);
      if (found.isEmpty()) {
        out.namespaceNotFound(namespaceName);
        return false;
      }
      namespace = found.get();
    }
    for (Unstructured param : ((ParamCollector.Params) params).params()) {
      ValidateResult result =
          PolicyValidator.validate(compiled, ctx, matched.resource(), matched.kind(),
              ctx.param(param, policy.paramKind()), namespace);
      if (result.applied()) {
        out.evaluated(policy.name(), binding.name());
      }
      route(policy, binding, result, out, collector);
    }
    return true;
  }

  private static void route(Policy policy, Binding binding, ValidateResult result, Outcome out,
      AuditAnnotationCollector collector) {
    List<PolicyDecision> decisions = result.decisions();
    for (int i = 0; i < decisions.size(); i++) {
      PolicyDecision d = decisions.get(i);
      if (d.action() != PolicyDecision.Action.DENY) {
        continue;
      }
      for (String action : binding.validationActions()) {
        switch (action) {
          case "Deny" ->
              out.deny(policy.name(), binding.name(), d.message(), d.reason(), d.expression(), d.check());
          case "Audit" -> out.audit(binding, i, d.message());
          case "Warn" -> out.warn(policy.name(), binding.name(), d.message(), d.check());
          default -> {}
        }
      }
    }
    for (AuditAnnotationResult r : result.auditAnnotations()) {
      switch (r.action()) {
        case PUBLISH ->
            collector.add(r.key(), Outcome.truncateBytes(r.value(), MAX_AUDIT_ANNOTATION_VALUE_BYTES));
        case ERROR ->
            out.deny(policy.name(), binding.name(), r.error(), "", r.expression(),
                "auditAnnotations[" + r.index() + "]");
        case EXCLUDE -> {}
      }
    }
  }

  private static void configError(Outcome out, Policy policy, @Nullable Binding binding, String err) {
    out.evaluated(policy.name(), binding == null ? "" : binding.name());
    switch (policy.failurePolicy()) {
      case "Ignore" -> {}
      case "Fail" ->
          out.deny(policy.name(), binding == null ? null : binding.name(),
              (binding == null ? "failed to configure policy: " : "failed to configure binding: ") + err,
              "", "", "configuration");
      default ->
          out.deny(policy.name(), binding == null ? null : binding.name(),
              "unrecognized failure policy: '" + policy.failurePolicy() + "'", "", "", "configuration");
    }
  }
}

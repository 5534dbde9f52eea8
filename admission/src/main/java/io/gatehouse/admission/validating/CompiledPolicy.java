package io.gatehouse.admission.validating;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import io.gatehouse.admission.expression.AdmissionEnvironments;
import io.gatehouse.admission.expression.CompiledCondition;
import io.gatehouse.admission.expression.Composition;
import io.gatehouse.admission.expression.ConditionCompiler;
import io.gatehouse.admission.expression.EnvironmentKey;
import io.gatehouse.admission.expression.ExpressionFilter;
import io.gatehouse.admission.expression.VariablesType;
import io.gatehouse.admission.matching.MatchConditionMatcher;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A policy compiled for admission as upstream's {@code compilePolicy}: every expression in the
 * stored-expressions environment, variables first (each seeing only earlier ones), then
 * matchConditions, validations and auditAnnotations (with {@code authorizer}) and
 * messageExpressions (without).
 *
 * <p>Immutable and thread-safe once constructed.
 */
final class CompiledPolicy {

  private static final List<CelType> BOOL = List.of(SimpleType.BOOL);
  private static final List<CelType> STRING = List.of(SimpleType.STRING);
  private static final List<CelType> STRING_OR_NULL =
      List.of(SimpleType.STRING, SimpleType.NULL_TYPE);

  final Policy policy;
  final @Nullable MatchConditionMatcher matchConditions;
  final ExpressionFilter validations;
  final ExpressionFilter messages;
  final ExpressionFilter auditAnnotations;

  CompiledPolicy(Policy policy, KubernetesVersion serverVersion, boolean strictCost) {
    this.policy = policy;
    boolean params = policy.paramKind() != null;
    EnvironmentKey withAuthz =
        new EnvironmentKey(serverVersion, EnvironmentType.STORED_EXPRESSIONS, strictCost, params,
            true, true);
    EnvironmentKey withoutAuthz =
        new EnvironmentKey(serverVersion, EnvironmentType.STORED_EXPRESSIONS, strictCost, params,
            false, true);
    VariablesType variablesType =
        policy.variables().isEmpty()
            ? null
            : new VariablesType(policy.variables().stream().map(Policy.NamedExpression::name).toList());
    Environment env = AdmissionEnvironments.environment(withAuthz, variablesType);
    Environment messageEnv = AdmissionEnvironments.environment(withoutAuthz, variablesType);

    Map<String, CompiledCondition> variables = new LinkedHashMap<>();
    for (Policy.NamedExpression v : policy.variables()) {
      CompiledCondition compiled = ConditionCompiler.compile(env, v.expression(), List.of());
      if (variablesType != null) {
        variablesType.declare(v.name(), compiled.outputType());
      }
      variables.put(v.name(), compiled);
    }
    Composition composition = variables.isEmpty() ? Composition.NONE : new Composition(variables);

    if (policy.matchConditions().isEmpty()) {
      this.matchConditions = null;
    } else {
      List<CompiledCondition> conditions = new ArrayList<>();
      for (Policy.NamedExpression c : policy.matchConditions()) {
        conditions.add(ConditionCompiler.compile(env, c.expression(), BOOL));
      }
      this.matchConditions =
          new MatchConditionMatcher(
              new ExpressionFilter(conditions, Composition.NONE),
              policy.matchConditions().stream().map(Policy.NamedExpression::name).toList(),
              policy.ignoresFailures());
    }

    List<@Nullable CompiledCondition> validationConditions = new ArrayList<>();
    List<@Nullable CompiledCondition> messageConditions = new ArrayList<>();
    for (Policy.Validation v : policy.validations()) {
      validationConditions.add(ConditionCompiler.compile(env, v.expression(), BOOL));
      messageConditions.add(
          v.messageExpression().isEmpty()
              ? null
              : ConditionCompiler.compile(messageEnv, v.messageExpression(), STRING));
    }
    this.validations = new ExpressionFilter(validationConditions, composition);
    this.messages = new ExpressionFilter(messageConditions, composition);

    List<@Nullable CompiledCondition> audit = new ArrayList<>();
    for (Policy.AuditAnnotation a : policy.auditAnnotations()) {
      audit.add(ConditionCompiler.compile(env, a.valueExpression(), STRING_OR_NULL));
    }
    this.auditAnnotations = new ExpressionFilter(audit, composition);

  }

  /**
   * Returns whether validations and messageExpressions provably stay within {@code budget} and the
   * per-call limit, so that they can run without cost tracking.
   */
  boolean validationsUntracked(long budget) {
    return validations.withinPerCallLimit()
        && messages.withinPerCallLimit()
        && saturatedAdd(validations.maxCost(), messages.maxCost()) <= budget;
  }

  /** Returns whether auditAnnotations provably stay within {@code budget} and the per-call limit. */
  boolean auditAnnotationsUntracked(long budget) {
    return auditAnnotations.withinPerCallLimit() && auditAnnotations.maxCost() <= budget;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}

package io.gatehouse.admission.validating;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.Manifests;
import io.gatehouse.cel.KubernetesVersion;
import io.gatehouse.api.GroupVersionKind;
import dev.cel.common.values.NullValue;
import org.junit.jupiter.api.Test;

/** Budget sharing between validations and messageExpressions ({@code validator.go}). */
class PolicyValidatorTest {

  private static final GroupVersionKind KIND = new GroupVersionKind("apps", "v1", "Deployment");

  private static CompiledPolicy compile(String spec) {
    String yaml = Fixtures.policy("p", spec);
    return new CompiledPolicy(Policy.fromJson(Defaults.policy(Manifests.one(yaml))), KubernetesVersion.DEFAULT, true);
  }

  private static ValidateResult validate(CompiledPolicy policy, long budget) {
    RequestContext ctx = new RequestContext(Fixtures.create(Fixtures.deployment(5)), Fixtures.cluster(),
        Fixtures.ALLOW_ALL);
    return PolicyValidator.validate(policy, ctx, Fixtures.DEPLOYMENTS, KIND, NullValue.NULL_VALUE,
        null, budget);
  }

  @Test
  void validate_messageExpressionOutOfBudget_isErrorDecision() {
    CompiledPolicy policy = compile("""
        validations:
        - expression: object.spec.replicas < 3
          message: static
          messageExpression: "'replicas ' + string(object.spec.replicas) + ' ' + string(object.spec.replicas)"
        """);
    assertThat(validate(policy, 10_000_000).decisions()).extracting(PolicyDecision::message)
        .containsExactly("replicas 5 5");
    long validationCost = 1;
    while (validate(policy, validationCost).decisions().get(0).check().equals("validations")) {
      validationCost++;
    }
    // Enough for the validation, not for its message: upstream's validator turns the message
    // filter's ErrOutOfBudget into an error decision (validator_test.go "messageExpression out of
    // budget after successful eval of expression").
    assertThat(validate(policy, validationCost).decisions()).containsExactly(new PolicyDecision(
        PolicyDecision.Action.DENY, PolicyDecision.Evaluation.ERROR,
        "failed messageExpression: validation failed due to running out of cost budget, no further"
            + " validation rules will be run", "",
        "'replicas ' + string(object.spec.replicas) + ' ' + string(object.spec.replicas)",
        "validations[0]"));
  }

  @Test
  void validate_budgetExhaustedByValidations_isOneErrorDecision() {
    CompiledPolicy policy = compile("validations:\n- expression: object.spec.replicas > 0\n"
        + "- expression: object.spec.replicas > 9");
    assertThat(validate(policy, 0).decisions()).containsExactly(new PolicyDecision(
        PolicyDecision.Action.DENY, PolicyDecision.Evaluation.ERROR,
        "validation failed due to running out of cost budget, no further validation rules will be run", "", "",
        "validations"));
  }

  @Test
  void validate_auditBudgetExhausted_replacesAllDecisions() {
    CompiledPolicy policy = compile("validations:\n- expression: object.spec.replicas > 9\n"
        + "auditAnnotations:\n- {key: k, valueExpression: \"string(object.spec.replicas) + "
        + "string(object.spec.replicas) + string(object.spec.replicas)\"}");
    long budget = 0;
    while ("validations".equals(validate(policy, budget).decisions().get(0).check())) {
      budget++;
    }
    // The validations fit this budget; the auditAnnotations, with a fresh budget of the same size, do not.
    assertThat(validate(policy, budget).decisions()).containsExactly(new PolicyDecision(
        PolicyDecision.Action.DENY, PolicyDecision.Evaluation.ERROR,
        "validation failed due to running out of cost budget, no further validation rules will be run", "", "",
        "auditAnnotations"));
    assertThat(validate(policy, 10_000_000).decisions()).extracting(PolicyDecision::check)
        .containsExactly("validations[0]");
  }

}

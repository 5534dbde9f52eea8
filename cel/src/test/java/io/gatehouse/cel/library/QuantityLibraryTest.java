package io.gatehouse.cel.library;

import static io.gatehouse.cel.EvaluationResult.UNTRACKED;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of upstream's {@code quantity_test.go} (without the later mul/div) and more. */
class QuantityLibraryTest {

  private static final Evaluator EVAL = Evaluator.stored(33);

  private record Case(String name, String expression, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> values() {
    return List.of(
        new Case("isQuantity", "isQuantity('20')", true),
        new Case("isQuantity megabytes", "isQuantity('20M')", true),
        new Case("isQuantity mebibytes", "isQuantity('20Mi')", true),
        new Case("isQuantity invalid suffix", "isQuantity('20Mo')", false),
        new Case("isQuantity passing regex", "isQuantity('10Mm')", false),
        new Case("isQuantity comma", "isQuantity('1,3G')", false),
        new Case("isQuantity no digits", "isQuantity('Mi')", true),
        new Case("equality reflexivity", "quantity('200M') == quantity('200M')", true),
        new Case("equality symmetry",
            "quantity('200M') == quantity('0.2G') && quantity('0.2G') == quantity('200M')", true),
        new Case("equality transitivity",
            "quantity('2M') == quantity('0.002G') && quantity('2000k') == quantity('2M')"
                + " && quantity('0.002G') == quantity('2000k')", true),
        new Case("inequality", "quantity('200M') == quantity('0.3G')", false),
        new Case("not equals", "quantity('200M') != quantity('0.3G')", true),
        new Case("less", "quantity('50M').isLessThan(quantity('50Mi'))", true),
        new Case("less obvious", "quantity('50M').isLessThan(quantity('100M'))", true),
        new Case("less false", "quantity('100M').isLessThan(quantity('50M'))", false),
        new Case("greater", "quantity('50Mi').isGreaterThan(quantity('50M'))", true),
        new Case("greater obvious", "quantity('150Mi').isGreaterThan(quantity('100Mi'))", true),
        new Case("greater false", "quantity('50M').isGreaterThan(quantity('100M'))", false),
        new Case("compare equal", "quantity('200M').compareTo(quantity('0.2G'))", 0L),
        new Case("compare less", "quantity('50M').compareTo(quantity('50Mi'))", -1L),
        new Case("compare greater", "quantity('50Mi').compareTo(quantity('50M'))", 1L),
        new Case("add quantity", "quantity('50k').add(quantity('20')) == quantity('50.02k')", true),
        new Case("add int", "quantity('50k').add(20).isLessThan(quantity('50020'))", false),
        new Case("sub quantity", "quantity('50k').sub(quantity('20')) == quantity('49.98k')", true),
        new Case("sub int", "quantity('50k').sub(20) == quantity('49980')", true),
        new Case("arith chain 1", "quantity('50k').add(20).sub(quantity('100k')).asInteger()",
            -49980L),
        new Case("arith chain",
            "quantity('50k').add(20).sub(quantity('100k')).sub(-50000).asInteger()", 20L),
        new Case("as integer", "quantity('50k').asInteger()", 50000L),
        new Case("is integer big", "quantity('9999999999999999999999999999999999999G').isInteger()",
            false),
        new Case("is integer", "quantity('50').isInteger()", true),
        new Case("is integer milli", "quantity('1000m').isInteger()", false),
        new Case("is integer decimal binary", "quantity('1.5Gi').isInteger()", false),
        new Case("as float", "quantity('50.703k').asApproximateFloat()", 50703.0),
        new Case("as float sub int", "quantity('50k').sub(20000).asApproximateFloat() == 30000.0",
            true),
        new Case("as float infinite", "quantity('1e400').asApproximateFloat()",
            Double.POSITIVE_INFINITY),
        new Case("sign positive", "sign(quantity('1Ki'))", 1L),
        new Case("sign negative", "sign(quantity('-0.5'))", -1L),
        new Case("sign zero", "sign(quantity('0m'))", 0L),
        // Results of add/sub are pointers upstream, and Quantity.Equal rejects pointer operands.
        new Case("pointer on the right is unequal", "quantity('1') == quantity('0').add(1)", false),
        new Case("pointer on the left is compared", "quantity('0').add(1) == quantity('1')", true),
        new Case("two pointers are unequal", "quantity('0').add(1) == quantity('0').add(1)", false),
        new Case("pointer in list", "quantity('1') in [quantity('0').add(1)]", false),
        // add on a decimal-form receiver also changes the receiver (shared *inf.Dec).
        new Case("decimal receiver is updated",
            "[quantity('1.5Gi')].all(x, x.add(quantity('1')) == x)", true),
        new Case("decimal receiver keeps the sum",
            "[quantity('1.5Gi')].map(x, [x.sub(1), x])[0][1] == quantity('1610612735')", true),
        new Case("int64 receiver is not updated",
            "[quantity('1Gi')].all(x, x.add(quantity('1')) == x)", false),
        // compareTo against a decimal operand moves an int64 receiver to the decimal form.
        new Case("compare promotes receiver",
            "[quantity('1')].all(x, x.compareTo(quantity('1.5Gi')) == -1 && !x.isInteger())",
            true),
        new Case("compare keeps int64 operand",
            "[quantity('1')].all(x, quantity('1.5Gi').isGreaterThan(x) && x.isInteger())", true),
        new Case("equality does not promote",
            "[quantity('1')].all(x, x != quantity('1.5Gi') && x.isInteger())", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluate_expression_returnsUpstreamValue(Case c) {
    assertThat(EVAL.value(c.expression())).isEqualTo(c.expected());
  }

  static List<Case> errors() {
    return List.of(
        new Case("parse invalid suffix", "quantity('10Mo')",
            "quantities must match the regular expression"
                + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        new Case("parse invalid suffix passes regex", "quantity('10Mm')",
            "unable to parse quantity's suffix"),
        new Case("parse empty", "quantity('')",
            "quantities must match the regular expression"
                + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        new Case("parse numeric", "quantity('.e-20')", "unable to parse numeric part of quantity"),
        new Case("as integer error",
            "quantity('9999999999999999999999999999999999999G').asInteger()",
            "cannot convert value to integer"),
        new Case("as integer milli", "quantity('1500m').asInteger()",
            "cannot convert value to integer"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void evaluate_failingExpression_returnsUpstreamMessage(Case c) {
    assertThat(EVAL.failure(c.expression())).isEqualTo(c.expected());
  }

  static List<Case> compileErrors() {
    return List.of(
        new Case("isQuantity no overload", "isQuantity([1, 2, 3])",
            "found no matching overload for 'isQuantity' applied to '(list(int))'"),
        new Case("sign is not a member", "quantity('1').sign()",
            "found no matching overload for 'sign' applied to 'kubernetes.Quantity.()'"),
        new Case("add string", "quantity('50k').add('20k')",
            "found no matching overload for 'add' applied to 'kubernetes.Quantity.(string)'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compileErrors")
  void compile_invalidCall_reportsNoMatchingOverload(Case c) {
    assertThat(EVAL.compileError(c.expression())).contains((String) c.expected());
  }

  @Test
  void evaluate_sharedDecimal_doesNotLeakAcrossEvaluations() {
    CompiledExpression compiled =
        EVAL.compile("[quantity('1.5Gi')].map(x, [x.add(1), x])[0][1].asApproximateFloat()");
    EvaluationResult expected = new EvaluationResult.Success(1610612737.0, UNTRACKED);
    assertThat(compiled.evaluate(Activation.empty())).isEqualTo(expected);
    assertThat(compiled.evaluate(Activation.empty())).isEqualTo(expected);
  }

  @Test
  void compile_beforeKubernetes128_doesNotKnowQuantity() {
    Evaluator compat127 =
        Evaluator.of(
            Environment.builder(KubernetesVersion.of(1, 28), EnvironmentType.NEW_EXPRESSIONS)
                .build());
    assertThat(compat127.compileError("isQuantity('1')"))
        .contains("undeclared reference to 'isQuantity'");
    assertThat(Evaluator.stored(28).value("isQuantity('1')")).isEqualTo(true);
  }
}

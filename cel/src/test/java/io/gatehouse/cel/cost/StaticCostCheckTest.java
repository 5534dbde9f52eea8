package io.gatehouse.cel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's CRD cost messages ({@code apiextensions/validation/validation.go}). */
class StaticCostCheckTest {

  private static final String ADVICE =
      " (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays,"
          + " maps, and strings are declared)";

  record Case(String name, long cost, String factor) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> factors() {
    return Stream.of(
        new Case("just above: six decimals", 10_000_001, "1.000000x"),
        new Case("below 1.5: six decimals", 12_345_678, "1.234568x"),
        new Case("from 1.5: one decimal", 15_000_000, "1.5x"),
        new Case("one decimal, rounded", 18_149_999, "1.8x"),
        new Case("exactly 100x", 1_000_000_000, "100.0x"),
        new Case("above 100x", 1_000_000_001, "more than 100x"),
        new Case("saturated", Long.MAX_VALUE, "more than 100x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("factors")
  void check_ruleAboveLimit_reportsUpstreamFactor(Case c) {
    assertThat(StaticCostCheck.check(StaticCostCheck.RULE_COST, c.cost()))
        .contains("estimated rule cost exceeds budget by factor of " + c.factor() + ADVICE);
  }

  @Test
  void check_ruleAtLimit_passes() {
    assertThat(StaticCostCheck.check(StaticCostCheck.RULE_COST, 10_000_000)).isEmpty();
  }

  @Test
  void expressionCost_overflowingCardinality_saturates() {
    assertThat(StaticCostCheck.expressionCost(0, Long.MAX_VALUE)).isZero();
    assertThat(StaticCostCheck.expressionCost(3, 7)).isEqualTo(21);
    assertThat(StaticCostCheck.expressionCost(1L << 40, 1L << 40)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void totalCost_aboveCrdLimit_reportsTotalAndFourMostExpensive() {
    StaticCostCheck.TotalCost total = new StaticCostCheck.TotalCost();
    for (int i = 0; i < 6; i++) {
      total.observe("rule" + i, 20_000_000L + i);
    }
    total.observe("cheap", 999_999);

    assertThat(total.total()).isEqualTo(120_000_015L + 999_999);
    assertThat(total.mostExpensive())
        .extracting(StaticCostCheck.TotalCost.RuleCost::path)
        .isEqualTo(List.of("rule5", "rule4", "rule3", "rule2"));
    assertThat(total.check())
        .isEqualTo(
            Optional.of(
                "x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema"
                    + " exceeds budget by factor of 1.210000x"
                    + ADVICE));
  }
}

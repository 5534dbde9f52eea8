package io.gatehouse.cel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.CompiledExpression;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubernetes' {@code staging/src/k8s.io/apiserver/pkg/cel/library/cost_test.go} vectors
 * ({@code expectEstimatedCost} / {@code expectRuntimeCost}) for the functions available in this
 * module today: strict cost, no OptOptimize, strings and bytes sized {@code [0, 12]}.
 */
class LibraryCostTest {

  /** Kubernetes' {@code testCostEstimator}: strings and bytes have sizes up to 12. */
  private static final SizeEstimator TEST_SIZES =
      (path, type) ->
          switch (type.kind()) {
            case STRING, BYTES -> new Range(0, 12);
            default -> null;
          };

  private static final String STRING_LITERAL =
      "'01234567890123456789012345678901234567890123456789'";

  record Case(String name, String expression, long estimatedMin, long estimatedMax, long runtime) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> stringLibrary() {
    return Stream.of(
        new Case("lowerAscii", "'ABCDEFGHIJ abcdefghij'.lowerAscii()", 3, 3, 3),
        new Case("lowerAsciiEquals",
            "'ABCDEFGHIJ abcdefghij'.lowerAscii() == 'abcdefghij ABCDEFGHIJ'.lowerAscii()", 7, 9, 9),
        new Case("upperAscii", "'ABCDEFGHIJ abcdefghij'.upperAscii()", 3, 3, 3),
        new Case("upperAsciiEquals",
            "'ABCDEFGHIJ abcdefghij'.upperAscii() == 'abcdefghij ABCDEFGHIJ'.upperAscii()", 7, 9, 9),
        new Case("replace", "'abc 123 def 123'.replace('123', '456')", 3, 3, 3),
        new Case("replace between all chars", "'abc 123 def 123'.replace('', 'x')", 3, 3, 3),
        new Case("replace with empty", "'abc 123 def 123'.replace('123', '')", 3, 3, 3),
        new Case("replace with limit", "'abc 123 def 123'.replace('123', '456', 1)", 3, 3, 3),
        new Case("split", "'abc 123 def 123'.split(' ')", 3, 3, 3),
        new Case("split with limit", "'abc 123 def 123'.split(' ', 1)", 3, 3, 3),
        new Case("substring", "'abc 123 def 123'.substring(5)", 2, 2, 2),
        new Case("substring with end", "'abc 123 def 123'.substring(5, 8)", 2, 2, 2),
        new Case("trim", "'  abc 123 def 123  '.trim()", 2, 2, 2),
        new Case("join with separator",
            "['aa', 'bb', 'cc', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join(' ')", 11, 23, 15),
        new Case("join", "['aa', 'bb', 'cc', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join()", 10, 22, 13),
        new Case("indexOf on a string", STRING_LITERAL + ".indexOf('123')", 5, 5, 5),
        new Case("lastIndexOf on a string", STRING_LITERAL + ".lastIndexOf('123')", 5, 5, 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stringLibrary")
  void estimate_kubernetesVector_matchesKubernetes(Case c) {
    CompiledExpression compiled = CostFixture.compile(c.expression(), Map.of());

    assertThat(CostFixture.estimate(compiled, CostFixture.KUBERNETES_TESTS, TEST_SIZES))
        .isEqualTo(new Range(c.estimatedMin(), c.estimatedMax()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stringLibrary")
  void runtimeCost_kubernetesVector_matchesKubernetes(Case c) {
    CompiledExpression compiled = CostFixture.compile(c.expression(), Map.of());

    assertThat(CostFixture.runtimeCost(compiled, CostFixture.KUBERNETES_TESTS, Map.of()))
        .isEqualTo(c.runtime());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stringLibrary")
  void bound_kubernetesVector_boundsRuntime(Case c) {
    CompiledExpression compiled = CostFixture.compile(c.expression(), Map.of());

    Range bound = CostFixture.bound(compiled, CostFixture.KUBERNETES_TESTS, TEST_SIZES);

    assertThat(bound.max()).isGreaterThanOrEqualTo(c.runtime());
  }
}

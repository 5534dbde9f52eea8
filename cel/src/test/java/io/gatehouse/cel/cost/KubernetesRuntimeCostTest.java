package io.gatehouse.cel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CelValues;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.KubernetesVersion;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runtime cost as Kubernetes runs cel-go: {@code OptOptimize} folding, set membership, free
 * {@code has()}, and the attribute rules of cel-go's planner, on a dyn {@code object}.
 */
class KubernetesRuntimeCostTest {

  private static final Map<String, Object> OBJECT =
      (Map<String, Object>)
          CelValues.fromJson(
              Map.of(
                  "metadata", Map.of("name", "web-frontend", "labels", Map.of("app", "web")),
                  "spec",
                      Map.of(
                          "replicas", 3,
                          "containers",
                              List.of(
                                  Map.of("name", "nginx", "image", "nginx:1.25"),
                                  Map.of("name", "sidecar", "image", "envoy:1.30")))));

  record Case(String name, String expression, long want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        // 3 + 1 + 3 + ceil(0.1 * 12)
        new Case("brief expression",
            "object.spec.replicas <= 10 && object.metadata.name.startsWith('a')", 9),
        new Case("constant list literal is folded", "[1, 2, 3]", 0),
        new Case("constant map literal is folded", "{'a': [1, 2]}", 0),
        new Case("list literal with a variable is built", "[object.spec.replicas]", 13),
        new Case("in constant list is a set lookup", "object.metadata.name in ['a', 'b']", 3),
        new Case("in empty constant list folds without evaluating", "object.metadata.name in []", 0),
        new Case("in list of durations is not a set lookup",
            "duration('1s') in [duration('1s'), duration('2s')]", 2),
        new Case("conversion of a constant is folded", "duration('1h') > duration('1m')", 1),
        new Case("conversion of a variable is a call", "string(object.spec.replicas)", 4),
        new Case("type identifiers are constants", "type(object) == map", 3),
        new Case("has() is free", "has(object.spec.replicas)", 2),
        new Case("ternary branch attributes are resolved, not evaluated",
            "has(object.spec.replicas) ? object.spec : object.metadata", 3),
        new Case("index key attributes are resolved, not evaluated",
            "object.metadata.labels[object.metadata.labels.app] == 'x' || true", 6),
        // 3 + (3 + 13) + 3 + 1, then [0] on a comprehension: relative attribute 1 + 1, .name 1, == 1
        new Case("select on a call result is a relative attribute",
            "object.spec.containers.filter(c, c.name == 'nginx')[0].name == 'nginx'", 27),
        new Case("optional selects", "object.?spec.?replicas.orValue(1)", 3),
        new Case("optional select of a missing field", "object.?nope.?x.orValue(2)", 3),
        // 3 + 2 * (condition 3 + step 1 + 3) + result 1
        new Case("exists over a list",
            "object.spec.containers.exists(c, c.image.startsWith('envoy'))", 18));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluate_kubernetes133_chargesCelGoCost(Case c) {
    CompiledExpression compiled =
        CostFixture.compile(
            KubernetesVersion.of(1, 33), c.expression(), Map.of("object", SimpleType.DYN), Map.of());

    EvaluationResult result = compiled.evaluate(Activation.of(Map.of("object", OBJECT)), 1_000_000);

    assertThat(result).isInstanceOf(EvaluationResult.Success.class);
    assertThat(result.cost()).isEqualTo(c.want());
  }
}

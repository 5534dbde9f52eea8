package io.gatehouse.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** cel-go's has() on null and scalar operands is false, in every evaluation mode. */
class PresenceTestsTest {

  private static final Environment ENV =
      Environment.builder(KubernetesVersion.DEFAULT, EnvironmentType.STORED_EXPRESSIONS)
          .variable("object", SimpleType.DYN)
          .variable("params", SimpleType.DYN)
          .build();

  private record Case(String name, String expression, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("field of null params", "has(params.maxReplicas)", false),
        new Case("field of a JSON null", "has(object.spec.paused.x)", false),
        new Case("field of a string", "has(object.metadata.name.x)", false),
        new Case("field of an int", "!has(object.spec.replicas.x) && object.spec.replicas == 3", true),
        new Case("field of a list", "has(object.spec.items.x)", "unsupported index type 'string' in list"),
        new Case("map still works", "has(object.spec.replicas)", true),
        new Case("null params guard", "!has(params.maxReplicas) || object.spec.replicas <= params.maxReplicas", true),
        new Case("other errors stay errors", "has(params.x) || object.spec.missing", "no such key: missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluate_presenceTest_asCelGo(Case c) {
    Map<String, Object> spec = new HashMap<>();
    spec.put("replicas", 3L);
    spec.put("paused", null);
    spec.put("items", List.of(1L));
    Map<String, Object> object = Map.of("metadata", Map.of("name", "web"), "spec", spec);
    Activation vars =
        Activation.of(Map.of("object", CelValues.view(object), "params", CelValues.fromJson(null)));
    CompiledExpression e = (CompiledExpression) ENV.compile(c.expression());
    for (EvaluationResult r : List.of(e.evaluate(vars), e.evaluate(vars, 1_000_000))) {
      switch (r) {
        case EvaluationResult.Success s -> assertThat(s.value()).isEqualTo(c.expected());
        case EvaluationResult.Failure f -> assertThat(f.message()).isEqualTo(c.expected());
      }
    }
  }
}

package io.gatehouse.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CelValuesViewTest {

  private static final Environment ENV =
      Environment.builder(KubernetesVersion.DEFAULT, EnvironmentType.STORED_EXPRESSIONS)
          .variable("object", SimpleType.DYN)
          .build();

  private static Map<String, Object> object() {
    Map<String, Object> labels = new HashMap<>();
    labels.put("app", "web");
    labels.put("tier", null);
    List<Object> items = new ArrayList<>();
    items.add(1);
    items.add(null);
    items.add(Map.of("k", 2.5));
    Map<String, Object> spec = new HashMap<>();
    spec.put("replicas", 3L);
    spec.put("paused", null);
    spec.put("items", items);
    return Map.of("metadata", Map.of("labels", labels), "spec", spec);
  }

  static Stream<String> expressions() {
    return Stream.of(
        "object.spec.replicas",
        "object.spec.paused == null",
        "has(object.spec.paused)",
        "has(object.spec.missing)",
        "object.spec.missing",
        "object.spec.items",
        "object.spec.items[0] + 1",
        "object.spec.items[1] == null",
        "object.spec.items[2].k",
        "size(object.spec.items)",
        "object.metadata.labels",
        "object.metadata.labels == object.metadata.labels && object.metadata.labels != {'app': 'web'}",
        "'tier' in object.metadata.labels",
        "object.metadata.labels.all(k, k.size() > 2)",
        "object.metadata.labels.map(k, k).size()",
        "object.spec.items.exists(i, i == null)",
        "object.?spec.?paused.orValue('x')",
        "object.metadata.labels[?'tier'].hasValue()",
        "[object.metadata.labels][0] == object.metadata.labels",
        "object == object",
        "string(object.spec.items[2])");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void view_anyExpression_evaluatesAsTheCopy(String expression) {
    CompiledExpression e = (CompiledExpression) ENV.compile(expression);
    EvaluationResult copied =
        e.evaluate(Activation.of(Map.of("object", CelValues.fromJson(object()))), 1_000_000);
    EvaluationResult viewed =
        e.evaluate(Activation.of(Map.of("object", CelValues.view(object()))), 1_000_000);
    assertThat(describe(viewed)).isEqualTo(describe(copied));
  }

  private static String describe(EvaluationResult r) {
    return switch (r) {
      case EvaluationResult.Success s -> "value " + CelValues.toJson(s.value()) + " cost " + s.cost();
      case EvaluationResult.Failure f -> "error " + f.message() + " cost " + f.cost();
    };
  }
}

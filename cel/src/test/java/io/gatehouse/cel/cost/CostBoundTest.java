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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code CompiledExpression.estimatedCost()} bounds the runtime cost for inputs within the
 * declared size bound, where cel-go's own estimate does not.
 */
class CostBoundTest {

  private static final Map<String, Object> DEPLOYMENT =
      (Map<String, Object>)
          CelValues.fromJson(
              Map.of(
                  "apiVersion", "apps/v1",
                  "kind", "Deployment",
                  "metadata",
                      Map.of(
                          "name", "ünïcödé-frontend-" + "x".repeat(200),
                          "namespace", "prod",
                          "labels", Map.of("app", "web", "tier", "frontend")),
                  "spec",
                      Map.of(
                          "replicas", 3,
                          "template",
                              Map.of(
                                  "spec",
                                  Map.of(
                                      "containers",
                                      List.of(
                                          Map.of("name", "nginx", "image", "nginx:1.25"),
                                          Map.of("name", "envoy", "image", "envoy:1.30")))))));

  static Stream<String> expressions() {
    return Stream.of(
        "object.spec.replicas <= 10 && object.metadata.name.startsWith('a')",
        "object.metadata.name.endsWith('frontend')",
        "object.metadata.name == oldObject.metadata.name",
        "object.metadata.name.matches('^[a-z-]+$')",
        "object.metadata.name.contains(object.metadata.namespace)",
        "object.metadata.labels.app in ['web', 'api']",
        "'web' in object.metadata.labels",
        "object.spec.template.spec.containers.all(c, c.image.startsWith('nginx'))",
        "object.spec.template.spec.containers.map(c, c.name).join(',').size() > 3",
        "object.spec.template.spec.containers.filter(c, c.name == 'nginx')[0].image != ''",
        "object.?spec.?replicas.orValue(1) > 0",
        "has(object.spec.replicas) ? object.spec.replicas : 0",
        "object.metadata.name.lowerAscii() + object.metadata.namespace.upperAscii() != ''",
        "object.metadata.name.indexOf('x') > 0",
        "object.metadata.name.split('-').size() > 1",
        "size(object.spec.template.spec.containers) < 5",
        "object.metadata.labels.exists(k, object.metadata.labels[k] == 'web')");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void estimatedCost_inputWithinBound_boundsRuntimeCost(String expression) {
    CompiledExpression compiled = compile(expression);

    EvaluationResult result =
        compiled.evaluate(
            Activation.of(Map.of("object", DEPLOYMENT, "oldObject", DEPLOYMENT)), Long.MAX_VALUE);

    assertThat(result).isInstanceOf(EvaluationResult.Success.class);
    assertThat(compiled.estimatedCost().max()).isGreaterThanOrEqualTo(result.cost());
  }

  @Test
  void estimatedCost_simpleAdmissionRule_fitsPerCallLimit() {
    CompiledExpression compiled =
        compile("object.spec.replicas <= 10 && object.metadata.name.startsWith('a')");

    // 4 for the left side; 3 selects and ceil(0.1 * 3 MiB) for startsWith on the right.
    assertThat(compiled.estimatedCost()).isEqualTo(new CostEstimate(0, 314580));
    assertThat(compiled.upstreamEstimatedCost()).isEqualTo(new CostEstimate(2, 4));
  }

  @Test
  void estimatedCost_withoutSizeBound_isUnbounded() {
    CompiledExpression compiled =
        CostFixture.compile(
            KubernetesVersion.of(1, 33),
            "object.metadata.name.startsWith('a')",
            Map.of("object", SimpleType.DYN),
            Map.of());

    assertThat(compiled.estimatedCost().max()).isEqualTo(Long.MAX_VALUE);
  }

  private static CompiledExpression compile(String expression) {
    return CostFixture.compile(
        KubernetesVersion.of(1, 33),
        expression,
        Map.of("object", SimpleType.DYN, "oldObject", SimpleType.DYN),
        Map.of(
            "object", CostLimits.MAX_REQUEST_SIZE_BYTES,
            "oldObject", CostLimits.MAX_REQUEST_SIZE_BYTES));
  }
}

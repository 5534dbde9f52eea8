package io.gatehouse.bench;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CelValues;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.KubernetesVersion;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Raw cel-java against Gatehouse's Kubernetes CEL environment on the same expressions and the same
 * Deployment: what our layer (libraries, error translation, cost accounting) costs per
 * evaluation. Target: ours at most 1.2× raw.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class CelLayerBenchmark {

  @Param({
    "object.spec.replicas <= 10",
    "object.metadata.name.startsWith('web')",
    "has(object.metadata.labels) && 'owner' in object.metadata.labels",
    "object.spec.template.spec.containers.all(c, c.image.startsWith('registry.example.com/'))"
  })
  public String expression;

  private CelRuntime.Program raw;
  private Map<String, Object> rawVars;
  private CompiledExpression ours;
  private Activation activation;

  @Setup
  public void setup() throws Exception {
    Object object = CelValues.fromJson(Deployments.deployment("web", 3));
    Cel cel =
        CelFactory.standardCelBuilder()
            .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("object", SimpleType.DYN)
            .build();
    raw = cel.createProgram(cel.compile(expression).getAst());
    rawVars = Map.of("object", object);
    Environment env =
        Environment.builder(KubernetesVersion.DEFAULT, EnvironmentType.STORED_EXPRESSIONS)
            .variable("object", SimpleType.DYN)
            .build();
    ours = (CompiledExpression) env.compile(expression);
    activation = Activation.of(rawVars);
    if (!Boolean.TRUE.equals(raw.eval(rawVars))
        || !(ours.evaluate(activation, 1_000_000) instanceof EvaluationResult.Success s
            && Boolean.TRUE.equals(s.value()))) {
      throw new IllegalStateException("benchmark expression must be true: " + expression);
    }
  }

  /** cel-java's standard runtime, no Kubernetes layer. */
  @Benchmark
  public Object rawCelJava() throws Exception {
    return raw.eval(rawVars);
  }

  /** Gatehouse, with runtime cost tracking (every evaluation admission makes when tracking). */
  @Benchmark
  public Object gatehouseTracked() {
    return ours.evaluate(activation, 1_000_000);
  }

  /** Gatehouse without tracking (used when the static estimate proves the limits unreachable). */
  @Benchmark
  public Object gatehouseUntracked() {
    return ours.evaluate(activation);
  }
}

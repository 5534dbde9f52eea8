package io.gatehouse.auth.cel;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.CompilationResult;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import io.gatehouse.cel.cost.CostLimits;
import java.util.StringJoiner;

/**
 * Compiles webhook {@code matchConditions} as upstream's authorization CEL compiler: the
 * stored-expressions environment of the server version (every library it knows), one variable
 * {@code request} of type {@code kubernetes.SubjectAccessReviewSpec}, and a {@code bool} result.
 *
 * <p>Immutable and thread-safe; build one per server version and share it.
 */
public final class MatchConditionCompiler {

  /** The variable holding the SubjectAccessReviewSpec. */
  public static final String REQUEST = "request";

  private final Environment environment;
  private final KubernetesVersion version;

  private MatchConditionCompiler(KubernetesVersion version) {
    this.version = version;
    SubjectAccessReviewTypes types = SubjectAccessReviewTypes.of(selectors(version));
    Environment.Builder b = Environment.builder(version, EnvironmentType.STORED_EXPRESSIONS)
        .variable(REQUEST, types.spec())
        // Bounded by the request size only so that static cost bounds are finite.
        .variableSizeBound(REQUEST, CostLimits.MAX_REQUEST_SIZE_BYTES);
    types.all().forEach(b::type);
    this.environment = b.build();
  }

  /** Returns a compiler for a server of {@code version}. */
  public static MatchConditionCompiler create(KubernetesVersion version) {
    return new MatchConditionCompiler(version);
  }

  /** Returns whether resource attributes carry selectors ({@code AuthorizeWithSelectors}, 1.32+). */
  static boolean selectors(KubernetesVersion version) {
    return version.atLeast(KubernetesVersion.of(1, 32));
  }

  /** Returns the server version. */
  public KubernetesVersion version() {
    return version;
  }

  /** Compiles {@code expression}; never throws for a bad expression. */
  public CompiledMatchCondition compile(String expression) {
    CompilationResult result = environment.compile(expression);
    return switch (result) {
      case CompilationError e -> switch (e.stage()) {
        case COMPILATION ->
            new CompiledMatchCondition.Invalid(expression, "compilation failed: " + e.message(), false);
        case PROGRAM_INSTANTIATION -> new CompiledMatchCondition.Invalid(
            expression, "program instantiation failed: " + e.message(), true);
      };
      case CompiledExpression c -> {
        if (!c.outputType().equals(SimpleType.BOOL)) {
          yield new CompiledMatchCondition.Invalid(
              expression, "must evaluate to bool but got " + typeName(c.outputType()), false);
        }
        yield new CompiledMatchCondition.Compiled(expression, c);
      }
    };
  }

  /** cel-go's {@code Type.String()}: {@code int}, {@code list(string)}, {@code map(string, dyn)}. */
  private static String typeName(CelType type) {
    if (type.parameters().isEmpty()) {
      return type.name();
    }
    StringJoiner params = new StringJoiner(", ", type.name() + "(", ")");
    type.parameters().forEach(p -> params.add(typeName(p)));
    return params.toString();
  }
}

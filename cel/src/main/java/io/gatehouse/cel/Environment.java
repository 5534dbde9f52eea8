package io.gatehouse.cel;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableMap;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.validator.CelAstValidator;
import dev.cel.validator.CelValidator;
import dev.cel.validator.CelValidatorFactory;
import dev.cel.validator.validators.DurationLiteralValidator;
import dev.cel.validator.validators.TimestampLiteralValidator;
import io.gatehouse.cel.cost.CostEstimator;
import io.gatehouse.cel.cost.CostPlan;
import io.gatehouse.cel.library.OptionalLibrary;
import io.gatehouse.cel.library.StandardLibrary;
import io.gatehouse.cel.library.StringsLibrary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compiled-once Kubernetes CEL environment: the base environment of one compatibility version
 * plus the caller's variables and types. It compiles expressions into {@link CompiledExpression}s.
 *
 * <p>Immutable and thread-safe; building one costs milliseconds, so callers cache environments and
 * share them across expressions.
 */
public final class Environment {

  private final KubernetesVersion serverVersion;
  private final EnvironmentType type;
  private final KubernetesVersion compatibilityVersion;
  private final boolean strictCost;
  private final Set<LanguageOption> options;
  private final List<KubernetesLibrary> libraries;
  private final Map<String, CelType> variables;
  private final Map<String, Long> variableSizeBounds;
  private final Cel cel;
  private final @Nullable CelValidator validator;

  private Environment(Builder b) {
    this.serverVersion = b.serverVersion;
    this.type = b.type;
    this.compatibilityVersion = b.type.compatibilityVersion(b.serverVersion);
    this.strictCost = b.strictCost != null ? b.strictCost : strictCostDefault(b.serverVersion);
    this.options = BaseEnvironment.options(compatibilityVersion, serverVersion);
    this.libraries = BaseEnvironment.libraries(compatibilityVersion, serverVersion);
    this.variables = Map.copyOf(b.variables);
    this.variableSizeBounds = Map.copyOf(b.sizeBounds);

    // cel-go checks homogeneous literals after type-checking with a validator that exempts the
    // arguments of format() (cel/validator.go); cel-java's checker option cannot exempt anything,
    // so environments that have format() check literals with that validator only.
    boolean literalsByValidator =
        options.contains(LanguageOption.HOMOGENEOUS_AGGREGATE_LITERALS) && hasFormat(libraries);
    CelOptions celOptions =
        CelOptions.current()
            .enableOptionalSyntax(options.contains(LanguageOption.OPTIONAL_TYPES))
            .enableHeterogeneousNumericComparisons(
                options.contains(LanguageOption.CROSS_TYPE_NUMERIC_COMPARISONS))
            .enableHomogeneousLiterals(
                options.contains(LanguageOption.HOMOGENEOUS_AGGREGATE_LITERALS)
                    && !literalsByValidator)
            .enableQuotedIdentifierSyntax(false) // cel-go as Kubernetes configures it: no `x`
            .build();
    CelBuilder builder =
        CelFactory.standardCelBuilder()
            .setOptions(celOptions)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
    if (options.contains(LanguageOption.OPTIONAL_TYPES)) {
      // Kubernetes enables cel.OptionalTypes() unversioned: its content follows the server's
      // cel-go release, not the compatibility version.
      OptionalLibrary optional = OptionalLibrary.atServer(serverVersion);
      builder.addCompilerLibraries(optional);
      builder.addRuntimeLibraries(optional);
    }
    // cel-go's standard-library semantics where cel-java's bindings differ.
    builder.addRuntimeLibraries(StandardLibrary.INSTANCE);
    builder.addFunctionBindings(PresenceTests.BINDING);
    for (KubernetesLibrary library : libraries) {
      builder.addCompilerLibraries(library);
      builder.addRuntimeLibraries(library);
    }
    if (!b.types.isEmpty()) {
      builder.setTypeProvider(new DeclaredTypes(ImmutableMap.copyOf(b.types)));
    }
    b.variables.forEach(builder::addVar);
    this.cel = builder.build();
    List<CelAstValidator> validators = new ArrayList<>();
    if (options.contains(LanguageOption.LITERAL_VALIDATORS)) {
      validators.add(DurationLiteralValidator.INSTANCE);
      validators.add(TimestampLiteralValidator.INSTANCE);
      validators.add(MatchesLiteralValidator.INSTANCE);
    }
    if (options.contains(LanguageOption.LITERAL_VALIDATORS) || literalsByValidator) {
      validators.add(HomogeneousLiteralsValidator.INSTANCE);
    }
    for (KubernetesLibrary library : libraries) {
      validators.addAll(library.astValidators());
    }
    this.validator =
        validators.isEmpty()
            ? null
            : CelValidatorFactory.standardCelValidatorBuilder(cel)
                .addAstValidators(validators)
                .build();
  }

  private static boolean hasFormat(List<KubernetesLibrary> libraries) {
    return libraries.stream().anyMatch(l -> l instanceof StringsLibrary s && s.version() >= 1);
  }

  /**
   * Starts an environment for a server of {@code serverVersion} compiling expressions of {@code
   * type}.
   */
  public static Builder builder(KubernetesVersion serverVersion, EnvironmentType type) {
    return new Builder(serverVersion, type);
  }

  /**
   * Returns whether Kubernetes' own library cost model is charged at runtime by default on a server
   * of {@code serverVersion} (gate {@code StrictCostEnforcementForVAP}: off before 1.32, on after).
   */
  public static boolean strictCostDefault(KubernetesVersion serverVersion) {
    return serverVersion.atLeast(KubernetesVersion.of(1, 32));
  }

  /** Returns the server version this environment emulates. */
  public KubernetesVersion serverVersion() {
    return serverVersion;
  }

  /** Returns the environment type. */
  public EnvironmentType type() {
    return type;
  }

  /** Returns the compatibility version whose libraries are offered. */
  public KubernetesVersion compatibilityVersion() {
    return compatibilityVersion;
  }

  /** Returns whether library calls are charged with Kubernetes' cost model at runtime. */
  public boolean strictCost() {
    return strictCost;
  }

  /** Returns the libraries this environment offers, in base-environment order. */
  public List<KubernetesLibrary> libraries() {
    return libraries;
  }

  /** Returns the language options this environment enables. */
  public Set<LanguageOption> languageOptions() {
    return options;
  }

  /** Returns the declared variables and their types. */
  public Map<String, CelType> variables() {
    return variables;
  }

  /**
   * Returns the declared size bounds: for each bounded variable, the largest size (characters,
   * bytes, elements or entries) of any string, bytes, list or map reachable from it. Cost bounds
   * ({@link CompiledExpression#estimatedCost()}) hold only for inputs within these bounds.
   */
  public Map<String, Long> variableSizeBounds() {
    return variableSizeBounds;
  }

  /**
   * Parses, type-checks and plans {@code expression}. Never throws for a bad expression: the
   * result is a {@link CompilationError} carrying cel-go's message.
   */
  public CompilationResult compile(String expression) {
    CelValidationResult result = cel.compile(expression);
    if (!result.hasError() && validator != null) {
      try {
        result = validator.validate(result.getAst());
      } catch (dev.cel.common.CelValidationException e) {
        throw new IllegalStateException("checked AST unavailable after a clean compile", e);
      }
    }
    if (result.hasError()) {
      return new CompilationError(expression, CelErrors.compileMessage(result));
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      Optional<String> error =
          ProgramPlanner.programError(ast, libraries, expr -> evaluateConstant(ast, expr));
      if (error.isPresent()) {
        return new CompilationError(
            expression, error.get(), CompilationError.Stage.PROGRAM_INSTANTIATION);
      }
      CelAbstractSyntaxTree libraryAst = libraryRuntimeAst(ast);
      CelAbstractSyntaxTree presenceAst = PresenceTests.runtimeAst(libraryAst, maxId(ast));
      return new CompiledExpression(
          expression,
          ast,
          cel.createProgram(libraryAst),
          presenceAst == libraryAst ? null : cel.createProgram(presenceAst),
          CostEstimator.bound(ast, this),
          CostEstimator.estimate(ast, this),
          // Costs follow the checked AST: cel-go binds the overload by the checker's candidates.
          CostPlan.of(ast, this),
          this);
    } catch (dev.cel.common.CelValidationException | CelEvaluationException e) {
      return new CompilationError(expression, "ERROR: <input>:1:1: " + e.getMessage());
    }
  }

  private CelAbstractSyntaxTree libraryRuntimeAst(CelAbstractSyntaxTree checked) {
    CelAbstractSyntaxTree runtimeAst = checked;
    for (KubernetesLibrary library : libraries) {
      runtimeAst = library.runtimeAst(runtimeAst);
    }
    return runtimeAst;
  }

  private CelAbstractSyntaxTree runtimeAst(CelAbstractSyntaxTree checked) {
    return PresenceTests.runtimeAst(libraryRuntimeAst(checked), maxId(checked));
  }

  /**
   * Evaluates node {@code expr} of {@code ast}, which reads no variable, as cel-go does when it
   * folds a constant while planning.
   */
  private EvaluationResult evaluateConstant(CelAbstractSyntaxTree ast, CelExpr expr) {
    CelAbstractSyntaxTree node =
        CelAbstractSyntaxTree.newCheckedAst(
            expr, ast.getSource(), ast.getReferenceMap(), ast.getTypeMap());
    try {
      return CompiledExpression.evaluateUntracked(
          cel.createProgram(runtimeAst(node)), node, maxId(node), Activation.empty());
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("cannot plan a constant of a planned expression", e);
    }
  }

  private static long maxId(CelAbstractSyntaxTree ast) {
    return CelNavigableAst.fromAst(ast).getRoot().allNodes()
        .mapToLong(CelNavigableExpr::id).max().orElse(0);
  }

  /** Builds an {@link Environment}; not thread-safe. */
  public static final class Builder {
    private final KubernetesVersion serverVersion;
    private final EnvironmentType type;
    private final Map<String, CelType> variables = new LinkedHashMap<>();
    private final Map<String, CelType> types = new LinkedHashMap<>();
    private final Map<String, Long> sizeBounds = new LinkedHashMap<>();
    private @Nullable Boolean strictCost;

    private Builder(KubernetesVersion serverVersion, EnvironmentType type) {
      this.serverVersion = serverVersion;
      this.type = type;
    }

    /** Declares variable {@code name} of {@code type}; a later declaration replaces an earlier. */
    public Builder variable(String name, CelType type) {
      variables.put(name, type);
      return this;
    }

    /**
     * Bounds the size of every string, bytes, list and map reachable from variable {@code name}
     * (e.g. {@link io.gatehouse.cel.cost.CostLimits#MAX_REQUEST_SIZE_BYTES} for values decoded
     * from a request body), so that cost bounds of expressions reading it are finite. Without a
     * bound, such sizes are unknown and cost bounds of size-dependent operations are unbounded.
     *
     * @throws IllegalArgumentException if {@code maxSize} is negative
     */
    public Builder variableSizeBound(String name, long maxSize) {
      if (maxSize < 0) {
        throw new IllegalArgumentException("negative size bound for " + name + ": " + maxSize);
      }
      sizeBounds.put(name, maxSize);
      return this;
    }

    /** Declares a named type (e.g. a struct type such as {@code kubernetes.AdmissionRequest}). */
    public Builder type(CelType type) {
      types.put(type.name(), type);
      return this;
    }

    /** Overrides the strict-cost default of the server version. */
    public Builder strictCost(boolean strict) {
      this.strictCost = strict;
      return this;
    }

    /** Builds the environment. */
    public Environment build() {
      return new Environment(this);
    }
  }

  private record DeclaredTypes(ImmutableMap<String, CelType> byName) implements CelTypeProvider {
    @Override
    public ImmutableCollection<CelType> types() {
      return byName.values();
    }

    @Override
    public Optional<CelType> findType(String typeName) {
      return Optional.ofNullable(byName.get(typeName));
    }
  }
}

package io.gatehouse.server.crd.cel;

import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.CompilationResult;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import io.gatehouse.server.schema.FieldPaths;
import io.gatehouse.server.schema.JsonSchema;
import io.gatehouse.server.schema.ValidationRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The compiled {@code x-kubernetes-validations} of one schema node (upstream's {@code cel.Compile}
 * and {@code compileRule}): {@code self} and {@code oldSelf} typed by {@link DeclTypes} ({@code
 * oldSelf} optional for rules with {@code optionalOldSelf}), compile errors worded {@code
 * compilation failed: …}, {@code cel expression must evaluate to a bool}, {@code
 * messageExpression compilation failed: …} and {@code messageExpression must evaluate to a
 * string}. Immutable; thread-safe.
 */
final class NodeRules {

  /**
   * One compiled rule.
   *
   * @param rule the rule
   * @param program the program, or {@code null} (an empty rule or a compile error)
   * @param error the compile error's detail, or {@code null}
   * @param message the messageExpression's program, or {@code null}
   * @param messageError the messageExpression's compile error, or {@code null}
   * @param usesOldSelf whether the rule reads {@code oldSelf}
   * @param fieldPath the normalized {@code fieldPath}, or {@code null}
   */
  record Rule(ValidationRule rule, @Nullable CompiledExpression program, @Nullable String error,
      @Nullable CompiledExpression message, @Nullable String messageError, boolean usesOldSelf,
      @Nullable String fieldPath) {}

  private NodeRules() {}

  /**
   * Compiles the rules of {@code node}.
   *
   * @param stored whether an expression counts as already stored (compiled with the
   *     stored-expressions environment; the others with the new-expressions one)
   */
  static List<Rule> compile(KubernetesVersion version, JsonSchema node, boolean resourceRoot,
      List<ValidationRule> rules, Predicate<String> stored) {
    List<StructType> structs = new ArrayList<>();
    CelType self = DeclTypes.of(node, resourceRoot, DeclTypes.ROOT, structs);
    if (self == null) {
      self = SimpleType.DYN;
    }
    Environments envs = new Environments(version, self, structs);
    List<Rule> out = new ArrayList<>();
    for (ValidationRule r : rules) {
      out.add(compile(node, r, envs, stored));
    }
    return out;
  }

  private static Rule compile(JsonSchema node, ValidationRule r, Environments envs,
      Predicate<String> stored) {
    if (r.rule().strip().isEmpty()) {
      return new Rule(r, null, null, null, null, false, null);
    }
    boolean optional = Boolean.TRUE.equals(r.optionalOldSelf());
    Environment env = envs.get(stored.test(r.rule()), optional);
    CompilationResult result = env.compile(r.rule());
    if (result instanceof CompilationError e) {
      return new Rule(r, null, "compilation failed: " + e.message(), null, null, false, null);
    }
    CompiledExpression program = (CompiledExpression) result;
    if (!program.outputType().equals(SimpleType.BOOL)) {
      return new Rule(r, null, "cel expression must evaluate to a bool", null, null, false,
          null);
    }
    boolean usesOldSelf = false;
    for (CelReference ref : program.ast().getReferenceMap().values()) {
      if (ref.name().equals("oldSelf")) {
        usesOldSelf = true;
      }
    }
    CompiledExpression message = null;
    String messageError = null;
    if (!r.messageExpression().isEmpty()) {
      Environment messageEnv = envs.get(stored.test(r.messageExpression()), optional);
      CompilationResult m = messageEnv.compile(r.messageExpression());
      if (m instanceof CompilationError e) {
        messageError = "messageExpression compilation failed: " + e.message();
      } else if (!((CompiledExpression) m).outputType().equals(SimpleType.STRING)) {
        messageError = "messageExpression must evaluate to a string";
      } else {
        message = (CompiledExpression) m;
      }
    }
    String fieldPath = null;
    if (!r.fieldPath().isEmpty()) {
      try {
        fieldPath = FieldPaths.resolve(r.fieldPath(), node, true).path();
      } catch (FieldPaths.InvalidPathException e) {
        fieldPath = null;
      }
    }
    return new Rule(r, program, null, message, messageError, usesOldSelf, fieldPath);
  }

  /** The environments of one node, built on first use. */
  private static final class Environments {
    private final KubernetesVersion version;
    private final CelType self;
    private final List<StructType> structs;
    private final Map<EnvironmentType, Environment[]> built = new EnumMap<>(EnvironmentType.class);

    Environments(KubernetesVersion version, CelType self, List<StructType> structs) {
      this.version = version;
      this.self = self;
      this.structs = List.copyOf(structs);
    }

    synchronized Environment get(boolean stored, boolean optionalOldSelf) {
      EnvironmentType type = stored ? EnvironmentType.STORED_EXPRESSIONS
          : EnvironmentType.NEW_EXPRESSIONS;
      Environment[] pair = built.computeIfAbsent(type, t -> new Environment[2]);
      int i = optionalOldSelf ? 1 : 0;
      if (pair[i] == null) {
        Environment.Builder b = Environment.builder(version, type).strictCost(true)
            .variable("self", self)
            .variable("oldSelf", optionalOldSelf ? OptionalType.create(self) : self);
        structs.forEach(b::type);
        pair[i] = b.build();
      }
      return pair[i];
    }
  }
}

package io.gatehouse.server.schema;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compiles the {@code x-kubernetes-validations} rules of one schema node when a CRD is written, so
 * that CRD validation can report compile errors (apiextensions' {@code cel.Compile}).
 * Implementations are thread-safe.
 */
public interface RuleCompiler {

  /**
   * The outcome for one rule.
   *
   * @param error the compile error's detail, or {@code null}
   * @param errorIsRequired whether the error is of type {@code Required} (else {@code Invalid})
   * @param messageExpressionError the messageExpression's compile error, or {@code null}
   * @param usesOldSelf whether the rule reads {@code oldSelf} (a transition rule)
   */
  record Result(@Nullable String error, boolean errorIsRequired,
      @Nullable String messageExpressionError, boolean usesOldSelf) {}

  /** Compiles nothing: every rule is accepted. */
  RuleCompiler NONE = (node, root, rules, pre) -> rules.stream()
      .map(r -> new Result(null, false, null, r.rule().contains("oldSelf"))).toList();

  /**
   * Compiles the rules of {@code node}.
   *
   * @param node the schema node the rules are declared on
   * @param resourceRoot whether the node is the root of a resource (custom or embedded)
   * @param rules its rules, in order
   * @param preexisting expressions the stored CRD already had (compiled with the stored-expressions
   *     environment; the others with the new-expressions environment)
   * @return one result per rule, in order
   */
  List<Result> compile(JsonSchema node, boolean resourceRoot, List<ValidationRule> rules,
      Set<String> preexisting);
}

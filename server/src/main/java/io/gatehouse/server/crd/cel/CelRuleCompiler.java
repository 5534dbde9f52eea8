package io.gatehouse.server.crd.cel;

import io.gatehouse.cel.KubernetesVersion;
import io.gatehouse.server.schema.JsonSchema;
import io.gatehouse.server.schema.RuleCompiler;
import io.gatehouse.server.schema.ValidationRule;
import java.util.List;
import java.util.Set;

/**
 * Compiles {@code x-kubernetes-validations} when a CRD is written: expressions the stored CRD
 * already had with the stored-expressions environment, new ones with the new-expressions
 * environment (the previous minor's libraries). Stateless; thread-safe.
 */
public final class CelRuleCompiler implements RuleCompiler {

  /** The compiler for Gatehouse's default Kubernetes version. */
  public static final CelRuleCompiler DEFAULT = new CelRuleCompiler(KubernetesVersion.DEFAULT);

  private final KubernetesVersion version;

  /** @param version the server version whose CEL environments are used */
  public CelRuleCompiler(KubernetesVersion version) {
    this.version = version;
  }

  @Override
  public List<Result> compile(JsonSchema node, boolean resourceRoot, List<ValidationRule> rules,
      Set<String> preexisting) {
    return NodeRules.compile(version, node, resourceRoot, rules, preexisting::contains).stream()
        .map(r -> new Result(r.error(), false, r.messageError(), r.usesOldSelf()))
        .toList();
  }
}

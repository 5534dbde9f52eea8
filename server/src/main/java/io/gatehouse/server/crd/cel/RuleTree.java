package io.gatehouse.server.crd.cel;

import io.gatehouse.cel.KubernetesVersion;
import io.gatehouse.server.schema.JsonSchema;
import io.gatehouse.server.schema.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The schema nodes that carry {@code x-kubernetes-validations} rules, or lead to some, with their
 * compiled rules (upstream's {@code cel.Validator} tree): properties, {@code items}, {@code
 * additionalProperties} and {@code allOf} branches (whose rules apply to the node itself). Nodes
 * without a CEL type are left out. Built once per CRD version; immutable; thread-safe.
 *
 * @param schema the node's schema
 * @param resourceRoot whether the node is a resource root
 * @param rules the node's compiled rules
 * @param properties the property nodes with rules below them
 * @param items the items node, or {@code null}
 * @param additional the additionalProperties node, or {@code null}
 * @param allOf the allOf branches with rules
 */
record RuleTree(JsonSchema schema, boolean resourceRoot, List<NodeRules.Rule> rules,
    Map<String, RuleTree> properties, @Nullable RuleTree items, @Nullable RuleTree additional,
    List<RuleTree> allOf) {

  RuleTree {
    rules = List.copyOf(rules);
    allOf = List.copyOf(allOf);
  }

  /** Builds the tree of a version's schema, or {@code null} when it has no rules. */
  static @Nullable RuleTree build(KubernetesVersion version, JsonSchema root) {
    if (!hasRules(root)) {
      return null;
    }
    return build(version, root, root, true);
  }

  private static @Nullable RuleTree build(KubernetesVersion version, JsonSchema validation,
      JsonSchema node, boolean resourceRoot) {
    List<ValidationRule> declared = validation.validations();
    List<NodeRules.Rule> rules = declared.isEmpty() ? List.of()
        : NodeRules.compile(version, node, resourceRoot, declared, expression -> true);
    RuleTree items = null;
    if (validation.items() != null && node.items() != null
        && DeclTypes.of(node.items(), false, DeclTypes.ROOT, new ArrayList<>()) != null) {
      items = build(version, validation.items(), node.items(), node.items().embeddedResource());
    }
    Map<String, RuleTree> properties = new LinkedHashMap<>();
    for (Map.Entry<String, JsonSchema> p : validation.properties().entrySet()) {
      JsonSchema prop = node.properties().get(p.getKey());
      if (prop == null || DeclTypes.of(prop, false, DeclTypes.ROOT, new ArrayList<>()) == null) {
        continue;
      }
      RuleTree t = build(version, p.getValue(), prop, prop.embeddedResource());
      if (t != null) {
        properties.put(p.getKey(), t);
      }
    }
    RuleTree additional = null;
    JsonSchema va = validation.additionalPropertiesSchema();
    JsonSchema na = node.additionalPropertiesSchema();
    if (va != null && na != null) {
      additional = build(version, va, na, na.embeddedResource());
    }
    List<RuleTree> allOf = new ArrayList<>();
    for (JsonSchema branch : validation.allOf()) {
      RuleTree t = build(version, branch, node, resourceRoot);
      if (t != null) {
        allOf.add(t);
      }
    }
    if (rules.isEmpty() && items == null && additional == null && properties.isEmpty()
        && allOf.isEmpty()) {
      return null;
    }
    return new RuleTree(node, resourceRoot, rules, properties, items, additional, allOf);
  }

  /** Whether {@code s} or a node below it declares rules ({@code hasXValidations}). */
  static boolean hasRules(@Nullable JsonSchema s) {
    if (s == null) {
      return false;
    }
    if (!s.validations().isEmpty() || hasRules(s.items())
        || hasRules(s.additionalPropertiesSchema())) {
      return true;
    }
    return s.properties().values().stream().anyMatch(RuleTree::hasRules);
  }
}

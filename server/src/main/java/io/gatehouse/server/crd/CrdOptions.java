package io.gatehouse.server.crd;

import io.gatehouse.server.schema.RuleCompiler;
import io.gatehouse.server.schema.SchemaRules;
import io.gatehouse.server.schema.StructuralValidation;
import java.util.HashSet;
import java.util.Set;

/**
 * apiextensions' {@code validationOptions}: on create everything is required; on update a check
 * that the stored CRD already fails is not tightened (schemas, structurality, pruned defaults), and
 * rules the stored CRD has compile in the stored-expressions environment. Immutable.
 *
 * @param requireOpenApiSchema whether every version needs a schema
 * @param requireStructural whether schemas must be structural
 * @param requirePrunedDefaults whether defaults must be pruned
 * @param rules the CEL compiler
 * @param preexisting the stored CRD's rules and message expressions
 */
record CrdOptions(boolean requireOpenApiSchema, boolean requireStructural,
    boolean requirePrunedDefaults, RuleCompiler rules, Set<String> preexisting) {

  static CrdOptions forCreate(RuleCompiler rules) {
    return new CrdOptions(true, true, true, rules, Set.of());
  }

  static CrdOptions forUpdate(RuleCompiler rules, CrdDefinition old) {
    boolean allSchemas = old.versions().stream().allMatch(v -> v.rawSchema() != null);
    boolean structural = old.versions().stream().noneMatch(v -> v.schema() != null
        && !StructuralValidation.validate("", v.schema()).isEmpty());
    Set<String> pre = new HashSet<>();
    for (CrdDefinition.Version v : old.versions()) {
      SchemaRules.collectExpressions(v.schema(), pre);
    }
    return new CrdOptions(allSchemas, structural, true, rules, Set.copyOf(pre));
  }

  CrdOptions withStructural(boolean required) {
    return new CrdOptions(requireOpenApiSchema, requireStructural || required,
        requirePrunedDefaults, rules, preexisting);
  }

  SchemaRules.Options schemaOptions() {
    return new SchemaRules.Options(requireStructural, requirePrunedDefaults, rules, preexisting);
  }

  static boolean hasDefaults(CrdDefinition crd) {
    return crd.versions().stream().anyMatch(v -> SchemaRules.hasDefaults(v.schema()));
  }

  static boolean hasExtensions(CrdDefinition crd) {
    return crd.versions().stream().anyMatch(v -> SchemaRules.hasExtensions(v.schema()));
  }
}

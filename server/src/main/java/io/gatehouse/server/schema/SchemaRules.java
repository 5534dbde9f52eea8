package io.gatehouse.server.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * apiextensions' {@code validateCustomResourceDefinitionValidation} for one {@code
 * openAPIV3Schema}: the root restrictions when the status subresource is enabled, structurality
 * ({@link StructuralValidation}), valid and pruned defaults, then {@code
 * ValidateCustomResourceDefinitionOpenAPISchema}'s walk ({@link SchemaWalk}) with the checks of
 * supported keywords, list and map types, and {@code x-kubernetes-validations} (compiled by the
 * {@link RuleCompiler} only when the subtree has no schema errors). Stateless.
 */
public final class SchemaRules {

  private static final List<String> ALLOWED_AT_ROOT = List.of("Description", "Type", "Format",
      "Title", "Maximum", "ExclusiveMaximum", "Minimum", "ExclusiveMinimum", "MaxLength",
      "MinLength", "Pattern", "MaxItems", "MinItems", "UniqueItems", "MultipleOf", "Required",
      "Items", "Properties", "ExternalDocs", "Example", "XPreserveUnknownFields", "XValidations");

  /**
   * How strict to be, as upstream's {@code validationOptions}.
   *
   * @param requireStructural whether schemas must be structural
   * @param requirePrunedDefaults whether defaults must be pruned
   * @param rules the CEL compiler
   * @param preexisting the rules and message expressions of the stored CRD (empty on create)
   */
  public record Options(boolean requireStructural, boolean requirePrunedDefaults,
      RuleCompiler rules, Set<String> preexisting) {}

  private SchemaRules() {}

  /**
   * Validates {@code schema} ({@code raw} its decoded JSON) found at {@code path} ({@code
   * spec.validation} or {@code spec.versions[i].schema}).
   */
  public static List<FieldError> validate(JsonSchema schema, Object raw, boolean statusEnabled,
      Options opts, String path) {
    List<FieldError> errs = new ArrayList<>();
    String p = path + ".openAPIV3Schema";
    if (statusEnabled) {
      for (String field : SchemaFields.nonZero(schema)) {
        if (field.equals("Type")) {
          if (!schema.type.equals("object")) {
            errs.add(FieldError.invalid(p + ".type", schema.type, "only \"object\" is allowed as"
                + " the type at the root of the schema if the status subresource is enabled"));
            break;
          }
          continue;
        }
        if (!ALLOWED_AT_ROOT.contains(field)) {
          errs.add(FieldError.invalid(p, new GoText.Raw(GoText.json(raw)), "only "
              + "[" + String.join(" ", ALLOWED_AT_ROOT) + "] fields are allowed at the root of the"
              + " schema if the status subresource is enabled"));
          break;
        }
      }
    }
    if (schema.nullable) {
      errs.add(FieldError.forbidden(p + ".nullable", "nullable cannot be true at the root"));
    }
    boolean celOk = false;
    if (opts.requireStructural()) {
      List<FieldError> structural = StructuralValidation.validate(p, schema);
      if (!structural.isEmpty()) {
        errs.addAll(structural);
      } else {
        List<FieldError> defaults = DefaultsValidation.validate(p, schema,
            opts.requirePrunedDefaults());
        errs.addAll(defaults);
        celOk = defaults.isEmpty();
      }
    }
    SchemaWalk.Result walked = new SchemaWalk(opts, celOk).root(schema, p);
    errs.addAll(walked.schemaErrors());
    errs.addAll(walked.celErrors());
    return errs;
  }

  /** Whether any node of {@code schema} sets {@code default}. */
  public static boolean hasDefaults(@Nullable JsonSchema schema) {
    return anyNode(schema, s -> s.hasDefault);
  }

  /** Whether any node of {@code schema} uses a Kubernetes extension. */
  public static boolean hasExtensions(@Nullable JsonSchema schema) {
    return anyNode(schema, s -> s.xEmbeddedResource || s.xPreserveUnknownFields != null
        || s.xIntOrString || !s.xListMapKeys.isEmpty() || s.xListType != null
        || !s.xValidations.isEmpty());
  }

  /** Collects the rules and message expressions of every node (upstream's preexisting set). */
  public static void collectExpressions(@Nullable JsonSchema schema, Set<String> into) {
    anyNode(schema, s -> {
      for (ValidationRule r : s.xValidations) {
        into.add(r.rule());
        if (!r.messageExpression().isEmpty()) {
          into.add(r.messageExpression());
        }
      }
      return false;
    });
  }

  static boolean anyNode(@Nullable JsonSchema s, java.util.function.Predicate<JsonSchema> pred) {
    if (s == null) {
      return false;
    }
    if (pred.test(s)) {
      return true;
    }
    List<JsonSchema> children = new ArrayList<>();
    if (s.items != null) {
      children.add(s.items);
    }
    children.addAll(s.itemsArray);
    children.addAll(s.allOf);
    children.addAll(s.anyOf);
    children.addAll(s.oneOf);
    if (s.not != null) {
      children.add(s.not);
    }
    children.addAll(new TreeMap<>(s.properties).values());
    if (s.additionalPropertiesSchema() != null) {
      children.add(s.additionalPropertiesSchema());
    }
    children.addAll(s.patternProperties.values());
    if (s.additionalItems != null && s.additionalItems.schema() != null) {
      children.add(s.additionalItems.schema());
    }
    children.addAll(s.definitions.values());
    for (JsonSchema c : children) {
      if (anyNode(c, pred)) {
        return true;
      }
    }
    return false;
  }
}

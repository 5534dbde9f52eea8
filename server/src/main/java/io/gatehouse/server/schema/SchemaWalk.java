package io.gatehouse.server.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * apiextensions' {@code ValidateCustomResourceDefinitionOpenAPISchema}: walks a CRD schema with
 * the {@code specStandardValidatorV3} state (defaults allowed or why not, inside resource metadata,
 * the first uncorrelatable ancestor for {@code oldSelf}) and collects schema errors and CEL errors
 * apart, in upstream's order (properties by name: Go's map order is random). Not thread-safe; one
 * instance per schema.
 */
final class SchemaWalk {

  private static final List<String> TYPES =
      List.of("array", "boolean", "integer", "number", "object", "string");
  private static final List<String> REASONS = List.of("FieldValueDuplicate",
      "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired");
  private static final Set<String> META_FIELDS = Set.of("metadata", "kind", "apiVersion");

  /** The errors of a subtree. */
  record Result(List<FieldError> schemaErrors, List<FieldError> celErrors) {
    Result() {
      this(new ArrayList<>(), new ArrayList<>());
    }

    void add(Result r) {
      schemaErrors.addAll(r.schemaErrors);
      celErrors.addAll(r.celErrors);
    }
  }

  /** The walker's inherited state. */
  private record State(boolean allowDefaults, String defaultsReason, boolean insideMeta,
      @Nullable String uncorrelatable) {

    State forbidDefaults(String reason) {
      return new State(false, reason, insideMeta, uncorrelatable);
    }

    State enterMeta() {
      return new State(allowDefaults, defaultsReason, true, uncorrelatable);
    }

    State forbidOldSelf(String path) {
      return uncorrelatable != null ? this
          : new State(allowDefaults, defaultsReason, insideMeta, path);
    }
  }

  private final SchemaRules.Options opts;
  private final boolean celOk;

  SchemaWalk(SchemaRules.Options opts, boolean celOk) {
    this.opts = opts;
    this.celOk = celOk;
  }

  Result root(JsonSchema s, String path) {
    return walk(s, path, new State(true, "", false, null), true, celOk);
  }

  private Result walk(JsonSchema s, String path, State st, boolean isRoot, boolean cel) {
    Result r = new Result();
    r.schemaErrors.addAll(standard(s, path, st));
    if (s.uniqueItems) {
      r.schemaErrors.add(FieldError.forbidden(Path.child(path, "uniqueItems"),
          "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
    }
    if (s.additionalProperties != null) {
      if (!s.properties.isEmpty()
          && (!s.additionalProperties.allows() || s.additionalProperties.schema() != null)) {
        r.schemaErrors.add(FieldError.forbidden(Path.child(path, "additionalProperties"),
            "additionalProperties and properties are mutual exclusive"));
      }
      State sub = st.insideMeta
          ? st.forbidDefaults("inside additionalProperties applying to object metadata") : st;
      if (s.additionalProperties.schema() != null) {
        r.add(walk(s.additionalProperties.schema(), Path.child(path, "additionalProperties"), sub,
            false, cel));
      }
    }
    for (Map.Entry<String, JsonSchema> e : new TreeMap<>(s.properties).entrySet()) {
      State sub = st;
      if (!mapCorrelatable(s.xMapType)) {
        sub = sub.forbidOldSelf(path);
      }
      if ((isRoot || s.xEmbeddedResource) && META_FIELDS.contains(e.getKey())) {
        sub = sub.enterMeta();
        if (isRoot) {
          sub = sub.forbidDefaults("in top-level " + e.getKey());
        }
      }
      r.add(walk(e.getValue(), Path.key(Path.child(path, "properties"), e.getKey()), sub, false,
          cel));
    }
    if (s.not != null) {
      r.add(walk(s.not, Path.child(path, "not"), st, false, false));
    }
    junctor(r, s.allOf, Path.child(path, "allOf"), st);
    junctor(r, s.oneOf, Path.child(path, "oneOf"), st);
    junctor(r, s.anyOf, Path.child(path, "anyOf"), st);
    for (Map.Entry<String, JsonSchema> e : new TreeMap<>(s.definitions).entrySet()) {
      r.add(walk(e.getValue(), Path.key(Path.child(path, "definitions"), e.getKey()), st, false,
          false));
    }
    if (s.items != null || !s.itemsArray.isEmpty()) {
      State sub = "map".equals(s.xListType) ? st : st.forbidOldSelf(path);
      if (s.items != null) {
        r.add(walk(s.items, Path.child(path, "items"), sub, false, cel));
      }
      for (int i = 0; i < s.itemsArray.size(); i++) {
        r.add(walk(s.itemsArray.get(i), Path.index(Path.child(path, "items"), i), sub, false, cel));
      }
    }
    ListTypeRules.check(s, path, r.schemaErrors);
    RuleChecks.check(s, path, r.schemaErrors);
    if (r.schemaErrors.isEmpty() && cel && !s.xValidations.isEmpty()) {
      r.celErrors.addAll(RuleChecks.compile(s, path, isRoot || s.xEmbeddedResource, opts,
          st.uncorrelatable));
    }
    return r;
  }

  private void junctor(Result r, List<JsonSchema> schemas, String path, State st) {
    for (int i = 0; i < schemas.size(); i++) {
      r.add(walk(schemas.get(i), Path.index(path, i), st, false, false));
    }
  }

  /** {@code cel.MapIsCorrelatable}. */
  static boolean mapCorrelatable(@Nullable String mapType) {
    return mapType == null || mapType.equals("granular") || mapType.equals("atomic");
  }

  private List<FieldError> standard(JsonSchema s, String path, State st) {
    List<FieldError> errs = new ArrayList<>();
    if (!s.type.isEmpty() && !TYPES.contains(s.type)) {
      errs.add(FieldError.notSupported(Path.child(path, "type"), s.type, TYPES));
    }
    if (s.hasDefault && !st.allowDefaults) {
      errs.add(FieldError.forbidden(Path.child(path, "default"), "must not be set"
          + (st.defaultsReason.isEmpty() ? "" : " " + st.defaultsReason)));
    }
    String[][] unsupported = {
        {"id", !s.id.isEmpty() ? "id is not supported" : null},
        {"additionalItems", s.additionalItems != null ? "additionalItems is not supported" : null},
        {"patternProperties", !s.patternProperties.isEmpty()
            ? "patternProperties is not supported" : null},
        {"definitions", !s.definitions.isEmpty() ? "definitions is not supported" : null},
        {"dependencies", s.dependencies != null ? "dependencies is not supported" : null},
        {"$ref", s.ref != null ? "$ref is not supported" : null},
        {"type", s.type.equals("null")
            ? "type cannot be set to null, use nullable as an alternative" : null},
        {"items", !s.itemsArray.isEmpty() ? "items must be a schema object and not an array" : null},
        {"x-kubernetes-embedded-resource", st.insideMeta && s.xEmbeddedResource
            ? "must not be used inside of resource meta" : null}};
    for (String[] u : unsupported) {
      if (u[1] != null) {
        errs.add(FieldError.forbidden(Path.child(path, u[0]), u[1]));
      }
    }
    return errs;
  }

  static List<String> reasons() {
    return REASONS;
  }
}

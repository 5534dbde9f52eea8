package io.gatehouse.server.schema;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * apiextensions' {@code ValidateStructural}: whether a CRD schema is structural (every node of the
 * structural spine has a type, junctors {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}
 * only restrict values and specify nothing new, {@code metadata} at the root only restricts
 * {@code name} and {@code generateName}, embedded resources are objects, {@code
 * x-kubernetes-int-or-string} excludes the other extensions, patterns compile). Errors are sorted
 * by their text, as upstream sorts them. Stateless.
 */
public final class StructuralValidation {

  private enum Level { ROOT, ITEM, FIELD }

  private StructuralValidation() {}

  /** Validates the schema at {@code path}. */
  public static List<FieldError> validate(String path, JsonSchema s) {
    List<FieldError> errs = new ArrayList<>();
    invariants(s, Level.ROOT, path, errs);
    completeness(s, s, path, path, errs);
    errs.sort(Comparator.comparing(FieldError::message));
    return errs;
  }

  private static void invariants(JsonSchema s, Level lvl, String path, List<FieldError> errs) {
    if (s.type.equals("array") && s.items == null) {
      errs.add(FieldError.required(Path.child(path, "items"), "must be specified"));
    }
    if (s.items != null) {
      invariants(s.items, Level.ITEM, Path.child(path, "items"), errs);
    }
    for (Map.Entry<String, JsonSchema> p : new TreeMap<>(s.properties).entrySet()) {
      invariants(p.getValue(), Level.FIELD,
          Path.key(Path.child(path, "properties"), p.getKey()), errs);
    }
    if (s.additionalProperties != null) {
      if (lvl == Level.ROOT) {
        errs.add(FieldError.forbidden(Path.child(path, "additionalProperties"),
            "must not be used at the root"));
      }
      if (s.additionalProperties.schema() != null) {
        invariants(s.additionalProperties.schema(), Level.FIELD,
            Path.child(path, "additionalProperties"), errs);
      }
    }
    if (s.xIntOrString && s.preserveUnknownFields()) {
      errs.add(FieldError.invalid(Path.child(path, "x-kubernetes-preserve-unknown-fields"), true,
          "must be false if x-kubernetes-int-or-string is true"));
    }
    if (s.xIntOrString && s.xEmbeddedResource) {
      errs.add(FieldError.invalid(Path.child(path, "x-kubernetes-embedded-resource"), true,
          "must be false if x-kubernetes-int-or-string is true"));
    }
    valueValidation(s, isIntOrStringAnyOf(s.anyOf), isIntOrStringAllOf(s), lvl, path, errs);
    boolean checkMetadata = lvl == Level.ROOT || s.xEmbeddedResource;
    if (s.xEmbeddedResource && !s.type.equals("object")) {
      String msg = "must be object if x-kubernetes-embedded-resource is true";
      errs.add(s.type.isEmpty() ? FieldError.required(Path.child(path, "type"), msg)
          : FieldError.invalid(Path.child(path, "type"), s.type, msg));
    } else if (s.type.isEmpty() && !s.xIntOrString && !s.preserveUnknownFields()) {
      errs.add(FieldError.required(Path.child(path, "type"), switch (lvl) {
        case ROOT -> "must not be empty at the root";
        case ITEM -> "must not be empty for specified array items";
        case FIELD -> "must not be empty for specified object fields";
      }));
    }
    if (s.xEmbeddedResource && s.additionalProperties != null) {
      errs.add(FieldError.forbidden(Path.child(path, "additionalProperties"),
          "must not be used if x-kubernetes-embedded-resource is set"));
    }
    if (lvl == Level.ROOT && !s.type.isEmpty() && !s.type.equals("object")) {
      errs.add(FieldError.invalid(Path.child(path, "type"), s.type, "must be object at the root"));
    }
    for (String typed : List.of("kind", "apiVersion")) {
      JsonSchema t = s.properties.get(typed);
      if (t != null && checkMetadata && !t.type.equals("string")) {
        errs.add(FieldError.invalid(Path.child(Path.key(Path.child(path, "properties"), typed),
            "type"), t.type, "must be string"));
      }
    }
    JsonSchema metadata = s.properties.get("metadata");
    if (metadata != null) {
      String metaPath = Path.key(Path.child(path, "properties"), "metadata");
      if (checkMetadata && !metadata.type.equals("object")) {
        errs.add(FieldError.invalid(Path.child(metaPath, "type"), metadata.type, "must be object"));
      }
      if (lvl == Level.ROOT && !SchemaShape.onlyNames(metadata)) {
        errs.add(FieldError.forbidden(metaPath, "must not specify anything other than name and"
            + " generateName, but metadata is implicitly specified"));
      }
    }
    if (s.xEmbeddedResource && !s.preserveUnknownFields() && s.properties.isEmpty()) {
      errs.add(FieldError.required(Path.child(path, "properties"), "must not be empty if"
          + " x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
    }
  }

  private static boolean isIntOrStringAnyOf(List<JsonSchema> anyOf) {
    return anyOf.size() == 2 && SchemaShape.onlyType(anyOf.get(0), "integer")
        && SchemaShape.onlyType(anyOf.get(1), "string");
  }

  private static boolean isIntOrStringAllOf(JsonSchema s) {
    return !s.allOf.isEmpty() && isIntOrStringAnyOf(s.allOf.get(0).anyOf);
  }

  private static void valueValidation(JsonSchema v, boolean skipAnyOf, boolean skipFirstAllOfAnyOf,
      Level lvl, String path, List<FieldError> errs) {
    if (!skipAnyOf) {
      for (int i = 0; i < v.anyOf.size(); i++) {
        nested(v.anyOf.get(i), false, lvl, Path.index(Path.child(path, "anyOf"), i), errs);
      }
    }
    for (int i = 0; i < v.allOf.size(); i++) {
      nested(v.allOf.get(i), skipFirstAllOfAnyOf && i == 0, lvl,
          Path.index(Path.child(path, "allOf"), i), errs);
    }
    for (int i = 0; i < v.oneOf.size(); i++) {
      nested(v.oneOf.get(i), false, lvl, Path.index(Path.child(path, "oneOf"), i), errs);
    }
    if (v.not != null) {
      nested(v.not, false, lvl, Path.child(path, "not"), errs);
    }
    if (!v.pattern.isEmpty()) {
      try {
        Pattern.compile(v.pattern);
      } catch (PatternSyntaxException e) {
        errs.add(FieldError.invalid(Path.child(path, "pattern"), v.pattern,
            "must be a valid regular expression, but isn't: " + e.getMessage()));
      }
    }
  }

  private static void nested(JsonSchema v, boolean skipAnyOf, Level lvl, String path,
      List<FieldError> errs) {
    valueValidation(v, skipAnyOf, false, lvl, path, errs);
    if (v.items != null) {
      nested(v.items, false, lvl, Path.child(path, "items"), errs);
    }
    for (Map.Entry<String, JsonSchema> p : new TreeMap<>(v.properties).entrySet()) {
      nested(p.getValue(), false, Level.FIELD, Path.key(Path.child(path, "properties"),
          p.getKey()), errs);
    }
    if (!v.type.isEmpty()) {
      errs.add(FieldError.forbidden(Path.child(path, "type"), "must be empty to be structural"));
    }
    if (v.additionalProperties != null) {
      errs.add(FieldError.forbidden(Path.child(path, "additionalProperties"),
          "must be undefined to be structural"));
    }
    List<String[]> forbidden = new ArrayList<>();
    if (v.hasDefault) {
      forbidden.add(new String[] {"default", "must be undefined to be structural"});
    }
    if (!v.title.isEmpty()) {
      forbidden.add(new String[] {"title", "must be empty to be structural"});
    }
    if (!v.description.isEmpty()) {
      forbidden.add(new String[] {"description", "must be empty to be structural"});
    }
    if (v.nullable) {
      forbidden.add(new String[] {"nullable", "must be false to be structural"});
    }
    if (v.externalDocs != null) {
      forbidden.add(new String[] {"externalDocs", "must be undefined to be structural"});
    }
    if (v.preserveUnknownFields()) {
      forbidden.add(new String[] {"x-kubernetes-preserve-unknown-fields",
          "must be false to be structural"});
    }
    if (v.xEmbeddedResource) {
      forbidden.add(new String[] {"x-kubernetes-embedded-resource", "must be false to be structural"});
    }
    if (v.xIntOrString) {
      forbidden.add(new String[] {"x-kubernetes-int-or-string", "must be false to be structural"});
    }
    if (!v.xListMapKeys.isEmpty()) {
      forbidden.add(new String[] {"x-kubernetes-list-map-keys", "must be empty to be structural"});
    }
    if (v.xListType != null) {
      forbidden.add(new String[] {"x-kubernetes-list-type", "must be undefined to be structural"});
    }
    if (v.xMapType != null) {
      forbidden.add(new String[] {"x-kubernetes-map-type", "must be undefined to be structural"});
    }
    if (!v.xValidations.isEmpty()) {
      forbidden.add(new String[] {"x-kubernetes-validations", "must be empty to be structural"});
    }
    for (String[] f : forbidden) {
      errs.add(FieldError.forbidden(Path.child(path, f[0]), f[1]));
    }
    if (v.properties.containsKey("metadata")) {
      errs.add(FieldError.forbidden(Path.key(Path.child(path, "properties"), "metadata"),
          "must not be specified in a nested context"));
    }
  }

  /** {@code validateStructuralCompleteness}: junctors of the root specify nothing new. */
  private static void completeness(JsonSchema v, JsonSchema s, String sPath, String vPath,
      List<FieldError> errs) {
    if (v.not != null) {
      nestedCompleteness(v.not, s, sPath, Path.child(vPath, "not"), errs);
    }
    for (int i = 0; i < v.allOf.size(); i++) {
      nestedCompleteness(v.allOf.get(i), s, sPath, Path.index(Path.child(vPath, "allOf"), i), errs);
    }
    for (int i = 0; i < v.anyOf.size(); i++) {
      nestedCompleteness(v.anyOf.get(i), s, sPath, Path.index(Path.child(vPath, "anyOf"), i), errs);
    }
    for (int i = 0; i < v.oneOf.size(); i++) {
      nestedCompleteness(v.oneOf.get(i), s, sPath, Path.index(Path.child(vPath, "oneOf"), i), errs);
    }
  }

  private static void nestedCompleteness(JsonSchema v, JsonSchema s, String sPath, String vPath,
      List<FieldError> errs) {
    completeness(v, s, sPath, vPath, errs);
    if (v.items != null) {
      if (s.items == null) {
        errs.add(FieldError.required(Path.child(sPath, "items"),
            "because it is defined in " + Path.child(vPath, "items")));
      } else {
        nestedCompleteness(v.items, s.items, Path.child(sPath, "items"),
            Path.child(vPath, "items"), errs);
      }
    }
    for (Map.Entry<String, JsonSchema> p : new TreeMap<>(v.properties).entrySet()) {
      String sp = Path.key(Path.child(sPath, "properties"), p.getKey());
      String vp = Path.key(Path.child(vPath, "properties"), p.getKey());
      JsonSchema sf = s.properties.get(p.getKey());
      if (sf == null) {
        errs.add(FieldError.required(sp, "because it is defined in " + vp));
      } else {
        nestedCompleteness(p.getValue(), sf, sp, vp, errs);
      }
    }
  }
}

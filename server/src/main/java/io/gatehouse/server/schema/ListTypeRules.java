package io.gatehouse.server.schema;

import io.gatehouse.api.GoSyntax;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema-node checks of {@code ValidateCustomResourceDefinitionOpenAPISchema} about {@code
 * x-kubernetes-preserve-unknown-fields}, {@code x-kubernetes-map-type}, {@code
 * x-kubernetes-list-type} and {@code x-kubernetes-list-map-keys}, and {@code
 * validateMapListKeysMapSet}, in upstream's order. Stateless.
 */
final class ListTypeRules {

  private ListTypeRules() {}

  static void check(JsonSchema s, String path, List<FieldError> errs) {
    if (Boolean.FALSE.equals(s.xPreserveUnknownFields)) {
      errs.add(FieldError.invalid(Path.child(path, "x-kubernetes-preserve-unknown-fields"), false,
          "must be true or undefined"));
    }
    String type = Path.child(path, "type");
    if (s.xMapType != null && !s.type.equals("object")) {
      String msg = "must be object if x-kubernetes-map-type is specified";
      errs.add(s.type.isEmpty() ? FieldError.required(type, msg)
          : FieldError.invalid(type, s.type, msg));
    }
    if (s.xMapType != null && !s.xMapType.equals("atomic") && !s.xMapType.equals("granular")) {
      errs.add(FieldError.notSupported(Path.child(path, "x-kubernetes-map-type"), s.xMapType,
          List.of("atomic", "granular")));
    }
    if (s.xListType != null && !s.type.equals("array")) {
      String msg = "must be array if x-kubernetes-list-type is specified";
      errs.add(s.type.isEmpty() ? FieldError.required(type, msg)
          : FieldError.invalid(type, s.type, msg));
    } else if ("set".equals(s.xListType) && s.items != null) {
      JsonSchema is = s.items;
      String msg = "must be atomic as item of a list with x-kubernetes-list-type=set";
      if (is.type.equals("array") && is.xListType != null && !is.xListType.equals("atomic")) {
        errs.add(FieldError.invalid(Path.child(Path.child(path, "items"),
            "x-kubernetes-list-type"), is.xListType, msg));
      } else if (is.type.equals("object") && !"atomic".equals(is.xMapType)) {
        errs.add(FieldError.invalid(Path.child(Path.child(path, "items"),
            "x-kubernetes-map-type"), is.xListType, msg));
      }
    }
    if (s.xListType != null && !List.of("atomic", "set", "map").contains(s.xListType)) {
      errs.add(FieldError.notSupported(Path.child(path, "x-kubernetes-list-type"), s.xListType,
          List.of("atomic", "set", "map")));
    }
    String listTypePath = Path.child(path, "x-kubernetes-list-type");
    if (!s.xListMapKeys.isEmpty()) {
      String msg = "must be map if x-kubernetes-list-map-keys is non-empty";
      if (s.xListType == null) {
        errs.add(FieldError.required(listTypePath, msg));
      } else if (!s.xListType.equals("map")) {
        errs.add(FieldError.invalid(listTypePath, s.xListType, msg));
      }
    }
    if ("map".equals(s.xListType)) {
      mapList(s, path, errs);
    }
    mapListKeysMapSet(s, path, errs);
  }

  private static void mapList(JsonSchema s, String path, List<FieldError> errs) {
    String keysPath = Path.child(path, "x-kubernetes-list-map-keys");
    String items = Path.child(path, "items");
    if (s.xListMapKeys.isEmpty()) {
      errs.add(FieldError.required(keysPath, "must not be empty if x-kubernetes-list-type is map"));
    }
    if (s.items == null && s.itemsArray.isEmpty()) {
      errs.add(FieldError.required(items, "must have a schema if x-kubernetes-list-type is map"));
    }
    if (s.items == null && !s.itemsArray.isEmpty()) {
      errs.add(FieldError.invalid(items, new GoText.Raw("{}"),
          "must only have a single schema if x-kubernetes-list-type is map"));
    }
    if (s.items != null && !s.items.type.equals("object")) {
      errs.add(FieldError.invalid(Path.child(items, "type"), s.items.type,
          "must be object if parent array's x-kubernetes-list-type is map"));
    }
    if (s.items != null && s.items.type.equals("object")) {
      Set<String> keys = new HashSet<>();
      for (String k : s.xListMapKeys) {
        JsonSchema prop = s.items.properties.get(k);
        if (prop != null) {
          if (prop.type.equals("array") || prop.type.equals("object")) {
            errs.add(FieldError.invalid(Path.child(Path.key(Path.child(items, "properties"), k),
                "type"), s.items.type, "must be a scalar type if parent array's"
                + " x-kubernetes-list-type is map"));
          }
        } else {
          errs.add(FieldError.invalid(keysPath, new GoText.Raw(GoSyntax.strings(s.xListMapKeys)),
              "entries must all be names of item properties"));
        }
        if (!keys.add(k)) {
          errs.add(FieldError.invalid(keysPath, new GoText.Raw(GoSyntax.strings(s.xListMapKeys)),
              "must not contain duplicate entries"));
        }
      }
    }
  }

  private static void mapListKeysMapSet(JsonSchema s, String path, List<FieldError> errs) {
    if (s.items == null || s.xListType == null
        || !(s.xListType.equals("set") || s.xListType.equals("map"))) {
      return;
    }
    String items = Path.child(path, "items");
    if (s.items.nullable) {
      errs.add(FieldError.forbidden(Path.child(items, "nullable"),
          "cannot be nullable when x-kubernetes-list-type is " + s.xListType));
    }
    if (s.xListType.equals("map")) {
      for (String k : s.xListMapKeys) {
        JsonSchema prop = s.items.properties.get(k);
        if (prop == null) {
          continue;
        }
        String p = Path.key(Path.child(items, "properties"), k);
        if (!s.items.required.contains(k) && !prop.hasDefault) {
          errs.add(FieldError.required(Path.child(p, "default"), "this property is in"
              + " x-kubernetes-list-map-keys, so it must have a default or be a required property"));
        }
        if (prop.nullable) {
          errs.add(FieldError.forbidden(Path.child(p, "nullable"),
              "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
        }
      }
    }
  }
}

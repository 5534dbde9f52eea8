package io.gatehouse.server.crd;

import io.gatehouse.server.schema.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ValidateCustomResourceDefinitionSubresources} and {@code
 * ValidateCustomResourceColumnDefinition}: scale paths must be simple JSON paths under {@code
 * .spec}/{@code .status}; printer columns need a name, a known type and format and a simple JSON
 * path. Stateless.
 */
final class Subresources {

  private static final Set<String> TYPES =
      new TreeSet<>(Set.of("integer", "number", "string", "boolean", "date"));
  private static final Set<String> FORMATS = new TreeSet<>(
      Set.of("int32", "int64", "float", "double", "byte", "date", "date-time", "password"));

  private Subresources() {}

  static List<FieldError> validate(CrdDefinition.Subresources sub, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (sub == null || sub.scale() == null) {
      return errs;
    }
    CrdDefinition.Scale scale = sub.scale();
    String spec = path + ".scale.specReplicasPath";
    if (scale.specReplicasPath().isEmpty()) {
      errs.add(FieldError.required(spec, ""));
    } else {
      List<FieldError> e = simpleJsonPath(scale.specReplicasPath(), spec);
      if (!e.isEmpty()) {
        errs.addAll(e);
      } else if (!scale.specReplicasPath().startsWith(".spec.")) {
        errs.add(FieldError.invalid(spec, scale.specReplicasPath(),
            "should be a json path under .spec"));
      }
    }
    String status = path + ".scale.statusReplicasPath";
    if (scale.statusReplicasPath().isEmpty()) {
      errs.add(FieldError.required(status, ""));
    } else {
      List<FieldError> e = simpleJsonPath(scale.statusReplicasPath(), status);
      if (!e.isEmpty()) {
        errs.addAll(e);
      } else if (!scale.statusReplicasPath().startsWith(".status.")) {
        errs.add(FieldError.invalid(status, scale.statusReplicasPath(),
            "should be a json path under .status"));
      }
    }
    String selector = scale.labelSelectorPath();
    if (selector != null && !selector.isEmpty()) {
      String p = path + ".scale.labelSelectorPath";
      List<FieldError> e = simpleJsonPath(selector, p);
      if (!e.isEmpty()) {
        errs.addAll(e);
      } else if (!selector.startsWith(".spec.") && !selector.startsWith(".status.")) {
        errs.add(FieldError.invalid(p, selector,
            "should be a json path under either .spec or .status"));
      }
    }
    return errs;
  }

  static List<FieldError> column(CrdDefinition.Column col, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (col.name().isEmpty()) {
      errs.add(FieldError.required(path + ".name", ""));
    }
    String types = "must be one of " + String.join(",", TYPES);
    if (col.type().isEmpty()) {
      errs.add(FieldError.required(path + ".type", types));
    } else if (!TYPES.contains(col.type())) {
      errs.add(FieldError.invalid(path + ".type", col.type(), types));
    }
    if (!col.format().isEmpty() && !FORMATS.contains(col.format())) {
      errs.add(FieldError.invalid(path + ".format", col.format(),
          "must be one of " + String.join(",", FORMATS)));
    }
    if (col.jsonPath().isEmpty()) {
      errs.add(FieldError.required(path + ".JSONPath", ""));
    } else {
      errs.addAll(simpleJsonPath(col.jsonPath(), path + ".JSONPath"));
    }
    return errs;
  }

  private static List<FieldError> simpleJsonPath(String s, String path) {
    if (s.isEmpty()) {
      return List.of(FieldError.invalid(path, s, "must not be empty"));
    }
    if (s.charAt(0) != '.') {
      return List.of(FieldError.invalid(path, s, "must be a simple json path starting with ."));
    }
    return List.of();
  }
}

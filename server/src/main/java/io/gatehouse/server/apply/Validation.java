package io.gatehouse.server.apply;

import io.gatehouse.server.apply.SchemaType.ListType;
import io.gatehouse.server.apply.SchemaType.MapType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Checks a value against its type as upstream's {@code TypedValue.Validate} does before any apply
 * operation: list items must yield path elements (keys present or defaulted, no null items) and,
 * unless duplicates are allowed, be unique; maps must be maps and lists lists; closed structs take
 * no unknown fields. Messages are upstream's {@code ValidationErrors} text ({@code
 * .spec.containers: element 0: …}, several as {@code errors:} lines). Stateless.
 */
final class Validation {

  private Validation() {}

  /** Returns the error text, or null if {@code value} is valid. */
  static @Nullable String validate(SchemaType type, @Nullable Object value,
      boolean allowDuplicates) {
    List<String> errors = new ArrayList<>();
    walk(type, value, FieldPath.ROOT, allowDuplicates, errors);
    if (errors.isEmpty()) {
      return null;
    }
    if (errors.size() == 1) {
      return errors.get(0);
    }
    StringBuilder sb = new StringBuilder("errors:");
    errors.forEach(e -> sb.append("\n  ").append(e));
    return sb.toString();
  }

  private static void error(FieldPath path, String message, List<String> errors) {
    errors.add(path.isEmpty() ? message : path + ": " + message);
  }

  private static void walk(SchemaType type, @Nullable Object value, FieldPath path,
      boolean allowDuplicates, List<String> errors) {
    switch (Atoms.resolve(type, value)) {
      case ListType list -> {
        List<?> items;
        try {
          items = Atoms.list(value);
        } catch (Atoms.ItemException e) {
          error(path, e.getMessage(), errors);
          return;
        }
        if (items == null) {
          return;
        }
        TreeSet<PathElement> seen = new TreeSet<>();
        for (int i = 0; i < items.size(); i++) {
          PathElement pe;
          try {
            pe = Atoms.item(list, i, items.get(i));
          } catch (Atoms.ItemException e) {
            error(path, "element " + i + ": " + e.getMessage(), errors);
            continue;
          }
          if (!seen.add(pe) && !allowDuplicates) {
            error(path, "duplicate entries for key " + pe.text(), errors);
            continue;
          }
          walk(list.element(), items.get(i), path.child(pe), allowDuplicates, errors);
        }
      }
      case MapType map -> {
        Map<?, ?> entries;
        try {
          entries = Atoms.map(value);
        } catch (Atoms.ItemException e) {
          error(path, e.getMessage(), errors);
          return;
        }
        if (entries == null) {
          return;
        }
        entries.forEach((k, v) -> {
          String key = String.valueOf(k);
          FieldPath child = path.child(new PathElement.FieldName(key));
          SchemaType t = map.typeOf(key);
          if (t == null) {
            error(child, "field not declared in schema", errors);
          } else {
            walk(t, v, child, allowDuplicates, errors);
          }
        });
      }
      default -> {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
          error(path, "expected any scalar, got " + Atoms.describe(value), errors);
        }
      }
    }
  }
}

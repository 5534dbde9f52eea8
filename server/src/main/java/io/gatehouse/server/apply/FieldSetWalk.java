package io.gatehouse.server.apply;

import io.gatehouse.server.apply.SchemaType.ListType;
import io.gatehouse.server.apply.SchemaType.MapType;
import io.gatehouse.server.apply.SchemaType.Relationship;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields a value sets (upstream's {@code TypedValue.ToFieldSet}): scalars, atomic lists and
 * maps, list items and map entries (but not named struct fields, which are only paths to their
 * children); and {@code Set.EnsureNamedFieldsAreMembers}, which adds the named struct fields
 * that have owned children, so that pruning removes them whole. Stateless.
 */
final class FieldSetWalk {

  private FieldSetWalk() {}

  /** Returns the field set of {@code value} (already validated against {@code type}). */
  static FieldSet toFieldSet(SchemaType type, @Nullable Object value) {
    FieldSet out = FieldSet.empty();
    walk(type, value, FieldPath.ROOT, out);
    return out;
  }

  private static void walk(SchemaType type, @Nullable Object value, FieldPath path,
      FieldSet out) {
    switch (Atoms.resolve(type, value)) {
      case ListType list -> {
        if (list.relationship() == Relationship.ATOMIC) {
          out.insert(path);
        } else if (value instanceof List<?> items) {
          for (int i = 0; i < items.size(); i++) {
            try {
              FieldPath child = path.child(Atoms.item(list, i, items.get(i)));
              walk(list.element(), items.get(i), child, out);
              out.insert(child);
            } catch (Atoms.ItemException e) {
              // Reported by validation.
            }
          }
        }
      }
      case MapType map -> {
        if (map.atomic()) {
          out.insert(path);
        } else if (value instanceof Map<?, ?> entries) {
          entries.forEach((k, v) -> {
            String key = String.valueOf(k);
            SchemaType t = map.typeOf(key);
            if (t != null) {
              FieldPath child = path.child(new PathElement.FieldName(key));
              walk(t, v, child, out);
              if (!map.isNamed(key)) {
                out.insert(child);
              }
            }
          });
        }
      }
      default -> out.insert(path);
    }
  }

  /** Returns {@code set} plus the named struct fields that have children in it. */
  static FieldSet ensureNamedFieldsAreMembers(FieldSet set, @Nullable SchemaType type) {
    FieldSet out = FieldSet.empty();
    out.members().addAll(set.members());
    MapType map = Atoms.mapAtom(type);
    ListType list = Atoms.listAtom(type);
    set.children().forEach((pe, child) -> {
      SchemaType childType = null;
      if (pe instanceof PathElement.FieldName f && map != null) {
        if (map.isNamed(f.name())) {
          out.members().add(pe);
        }
        childType = map.typeOf(f.name());
      } else if (pe instanceof PathElement.Key && list != null) {
        childType = list.element();
      }
      out.children().put(pe, ensureNamedFieldsAreMembers(child, childType));
    });
    return out;
  }
}

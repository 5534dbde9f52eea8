package io.gatehouse.server.apply;

import io.gatehouse.server.apply.SchemaType.ListType;
import io.gatehouse.server.apply.SchemaType.MapType;
import io.gatehouse.server.apply.SchemaType.Relationship;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Removes the fields of a set from a value (upstream's {@code TypedValue.RemoveItems}). As
 * upstream, a list or map left with nothing (or one the set reaches into while it is empty,
 * atomic, or of another shape) becomes {@code null}, and a scalar the set reaches into is kept.
 * Returns new maps and lists; the input is not modified. Stateless.
 */
final class RemoveWalk {

  private RemoveWalk() {}

  static @Nullable Object remove(SchemaType type, @Nullable Object value, FieldSet toRemove) {
    switch (Atoms.resolve(type, value)) {
      case ListType list -> {
        if (!(value instanceof List<?> items) || items.isEmpty()
            || list.relationship() == Relationship.ATOMIC) {
          return null;
        }
        List<@Nullable Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          Object item = items.get(i);
          PathElement pe;
          try {
            pe = Atoms.item(list, i, item);
          } catch (Atoms.ItemException e) {
            out.add(item);
            continue;
          }
          if (toRemove.members().contains(pe)) {
            continue;
          }
          FieldSet sub = toRemove.children().get(pe);
          out.add(sub == null || sub.isEmpty() ? item : remove(list.element(), item, sub));
        }
        return out.isEmpty() ? null : out;
      }
      case MapType map -> {
        if (!(value instanceof Map<?, ?> entries) || entries.isEmpty() || map.atomic()) {
          return null;
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
          String key = String.valueOf(k);
          PathElement pe = new PathElement.FieldName(key);
          if (toRemove.members().contains(pe)) {
            return;
          }
          FieldSet sub = toRemove.children().get(pe);
          SchemaType t = map.typeOf(key);
          out.put(key, sub == null || sub.isEmpty() || t == null ? v : remove(t, v, sub));
        });
        return out.isEmpty() ? null : out;
      }
      default -> {
        return value;
      }
    }
  }
}

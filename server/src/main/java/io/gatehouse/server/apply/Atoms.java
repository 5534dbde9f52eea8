package io.gatehouse.server.apply;

import io.gatehouse.server.apply.SchemaType.ListType;
import io.gatehouse.server.apply.SchemaType.MapType;
import io.gatehouse.server.apply.SchemaType.Relationship;
import io.gatehouse.server.apply.SchemaType.Union;
import io.gatehouse.server.apply.SchemaType.Untyped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a {@link SchemaType} against a value (upstream's {@code deduceAtom}: an untyped type
 * takes the shape of the value, a null or missing value counting as a map) and turns list items
 * into path elements ({@code listItemToPathElement}). {@link #ABSENT} marks a missing value, which
 * differs from an explicit {@code null}. Stateless.
 */
final class Atoms {

  /** A missing value (Go's nil {@code value.Value}), as opposed to JSON {@code null}. */
  static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "<absent>";
    }
  };

  private static final SchemaType DEDUCED_MAP =
      new MapType(Map.of(), SchemaType.DEDUCED, Relationship.SEPARABLE, false);
  private static final SchemaType ATOMIC_MAP =
      new MapType(Map.of(), SchemaType.UNTYPED_ATOMIC, Relationship.ATOMIC, false);
  private static final SchemaType OPEN_MAP =
      new MapType(Map.of(), null, Relationship.SEPARABLE, true);
  private static final SchemaType ATOMIC_LIST = SchemaType.atomicList(SchemaType.UNTYPED_ATOMIC);

  private Atoms() {}

  /** Returns the scalar, list or map type {@code t} has for {@code value}. */
  static SchemaType resolve(SchemaType t, @Nullable Object value) {
    SchemaType d = deref(t);
    if (d instanceof Union union) {
      if (value instanceof List<?>) {
        return union.list();
      }
      return isScalar(value) ? SchemaType.SCALAR : union.map();
    }
    if (!(d instanceof Untyped u)) {
      return d;
    }
    if (value instanceof List<?>) {
      return ATOMIC_LIST;
    }
    if (isScalar(value)) {
      return SchemaType.SCALAR;
    }
    return mapOf(u);
  }

  private static boolean isScalar(@Nullable Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  /** Returns the type a named type stands for ({@code t} itself for other types). */
  static SchemaType deref(SchemaType t) {
    SchemaType d = t;
    while (d instanceof SchemaType.Named n) {
      d = n.target();
    }
    return d;
  }

  private static SchemaType mapOf(Untyped u) {
    return switch (u.kind()) {
      case DEDUCED -> DEDUCED_MAP;
      case ATOMIC -> ATOMIC_MAP;
      case OPEN -> OPEN_MAP;
    };
  }

  /** Returns the map side of {@code t} (for schema-only walks), or null. */
  static @Nullable MapType mapAtom(@Nullable SchemaType type) {
    SchemaType t = type == null ? null : deref(type);
    if (t instanceof MapType m) {
      return m;
    }
    if (t instanceof Union u) {
      return u.map();
    }
    return t instanceof Untyped u ? (MapType) mapOf(u) : null;
  }

  /** Returns the list side of {@code t} (for schema-only walks), or null. */
  static @Nullable ListType listAtom(@Nullable SchemaType type) {
    SchemaType t = type == null ? null : deref(type);
    if (t instanceof ListType l) {
      return l;
    }
    if (t instanceof Union u) {
      return u.list();
    }
    return t instanceof Untyped ? (ListType) ATOMIC_LIST : null;
  }

  static boolean isAbsent(@Nullable Object v) {
    return v == ABSENT;
  }

  /** A list item that cannot be turned into a path element. */
  static final class ItemException extends Exception {
    private static final long serialVersionUID = 1L;

    ItemException(String message) {
      super(message, null, false, false);
    }
  }

  /** Returns the path element of item {@code index} of a list of type {@code list}. */
  static PathElement item(ListType list, int index, @Nullable Object item) throws ItemException {
    if (list.relationship() != Relationship.ASSOCIATIVE) {
      return new PathElement.Index(index);
    }
    if (!list.keys().isEmpty()) {
      if (item == null) {
        throw new ItemException("associative list with keys may not have a null element");
      }
      if (!(item instanceof Map<?, ?> m)) {
        throw new ItemException("associative list with keys may not have non-map elements");
      }
      List<PathElement.KeyField> key = new ArrayList<>();
      for (String k : list.keys()) {
        if (m.containsKey(k)) {
          key.add(new PathElement.KeyField(k, m.get(k)));
        } else if (list.keyDefaults().containsKey(k)) {
          key.add(new PathElement.KeyField(k, list.keyDefaults().get(k)));
        } else {
          throw new ItemException("associative list with keys has an element that omits key field "
              + io.gatehouse.api.GoQuote.quote(k) + " (and doesn't have default value)");
        }
      }
      return new PathElement.Key(key);
    }
    if (item instanceof Map<?, ?>) {
      throw new ItemException("associative list without keys has an element that's a map type");
    }
    if (item instanceof List<?>) {
      throw new ItemException("not supported: associative list with lists as elements");
    }
    if (item == null) {
      throw new ItemException("associative list without keys has an element that's an explicit "
          + "null");
    }
    return new PathElement.Value(item);
  }

  /** Returns {@code v} as a list, null for null/absent, or throws for another shape. */
  static @Nullable List<?> list(@Nullable Object v) throws ItemException {
    if (v == null || v == ABSENT) {
      return null;
    }
    if (v instanceof List<?> l) {
      return l;
    }
    throw new ItemException("expected list, got " + describe(v));
  }

  /** Returns {@code v} as a map, null for null/absent, or throws for another shape. */
  static @Nullable Map<?, ?> map(@Nullable Object v) throws ItemException {
    if (v == null || v == ABSENT) {
      return null;
    }
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    throw new ItemException("expected map, got " + describe(v));
  }

  static String describe(@Nullable Object v) {
    return Values.json(v, true);
  }
}

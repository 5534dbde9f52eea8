package io.gatehouse.server.apply;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a value as server-side apply sees it (upstream's {@code schema.Atom}s): a scalar, a
 * list that is atomic, associative (a map keyed by fields, or a set of scalars) or granular by
 * index, a map or struct that is granular or atomic, or an untyped value whose shape is taken from
 * the value itself. Schemas for custom resources are built from these types (OpenAPI {@code
 * x-kubernetes-list-type}, {@code x-kubernetes-list-map-keys}, {@code x-kubernetes-map-type}) by
 * {@link OpenApiTypes}, which also needs a value that is a scalar, list or map at once ({@link
 * Union}) and named types that may be recursive ({@link Named}). Immutable (a {@link Named} is
 * bound once, before it is published).
 */
public sealed interface SchemaType {

  /** How a list's items or a map's entries are owned. */
  enum Relationship {
    /** The whole value is one field: replaced, not merged. */
    ATOMIC,
    /** Items or entries are owned separately (lists: by index). */
    SEPARABLE,
    /** List items are owned by key ({@code map}) or by value ({@code set}). */
    ASSOCIATIVE
  }

  /** Any scalar (string, number, boolean, null). */
  record Scalar() implements SchemaType {}

  /**
   * A list.
   *
   * @param element the items' type
   * @param relationship atomic, separable (by index) or associative
   * @param keys the key fields of an associative list of maps; empty for a set
   * @param keyDefaults values of key fields that items may omit
   */
  record ListType(SchemaType element, Relationship relationship, List<String> keys,
      Map<String, Object> keyDefaults) implements SchemaType {
    public ListType {
      keys = List.copyOf(keys);
      keyDefaults = Map.copyOf(keyDefaults);
    }
  }

  /**
   * A struct (named fields) and/or a map (entries of {@code elementType}).
   *
   * @param fields the named fields and their types
   * @param elementType the type of other entries, or null when there are none
   * @param relationship separable (granular) or atomic
   * @param open whether names not in {@code fields} are further named fields of a type not
   *     described here (built-in structs whose field list is not transcribed); their values are
   *     typed by their shape, maps being open structs
   * @param present the struct fields typed objects always carry (Go's non-pointer structs, which
   *     are {@code {}} rather than missing when unset): compared as empty maps when missing
   */
  record MapType(Map<String, SchemaType> fields, @Nullable SchemaType elementType,
      Relationship relationship, boolean open, Set<String> present) implements SchemaType {
    public MapType {
      fields = Map.copyOf(fields);
      present = Set.copyOf(present);
    }

    public MapType(Map<String, SchemaType> fields, @Nullable SchemaType elementType,
        Relationship relationship, boolean open) {
      this(fields, elementType, relationship, open, Set.of());
    }

    /** Returns the type of entry {@code name}, or null if the schema has no such field. */
    @Nullable SchemaType typeOf(String name) {
      SchemaType t = fields.get(name);
      if (t != null) {
        return t;
      }
      if (elementType != null) {
        return elementType;
      }
      return open ? UNTYPED_OPEN : null;
    }

    /** Returns whether {@code name} is a named (struct) field rather than a map entry. */
    boolean isNamed(String name) {
      return fields.containsKey(name) || (open && elementType == null);
    }

    boolean atomic() {
      return relationship == Relationship.ATOMIC;
    }
  }

  /** How an untyped value's shape is taken from the value. */
  enum UntypedKind {
    /** Upstream's {@code __untyped_deduced_}: maps granular (entries, not named fields), lists atomic. */
    DEDUCED,
    /** Upstream's {@code __untyped_atomic_}: maps and lists atomic. */
    ATOMIC,
    /** A built-in struct field not transcribed: maps are open structs, lists atomic. */
    OPEN
  }

  /** A value typed by its own shape. */
  record Untyped(UntypedKind kind) implements SchemaType {}

  /**
   * A value that may be a scalar, a list of type {@code list} or a map of type {@code map}
   * (upstream's atom with all three parts: an OpenAPI schema without {@code type}); null and
   * missing values count as maps.
   */
  record Union(ListType list, MapType map) implements SchemaType {}

  /**
   * A named type (an OpenAPI definition), possibly with its map relationship overridden ({@code
   * x-kubernetes-map-type} beside a {@code $ref}). Bound to its definition's type once that is
   * converted, which lets definitions refer to themselves. Equal only to itself.
   */
  final class Named implements SchemaType {
    private final String name;
    private final @Nullable Named base;
    private final @Nullable Relationship mapRelationship;
    private volatile @Nullable SchemaType target;

    /** An unbound type called {@code name}; {@link #bind} it before use. */
    Named(String name) {
      this.name = name;
      this.base = null;
      this.mapRelationship = null;
    }

    /** {@code base} with its map relationship replaced by {@code mapRelationship}. */
    Named(Named base, Relationship mapRelationship) {
      this.name = base.name;
      this.base = base;
      this.mapRelationship = mapRelationship;
    }

    /** The definition's name. */
    public String name() {
      return name;
    }

    void bind(SchemaType type) {
      if (base != null || target != null) {
        throw new IllegalStateException("type " + name + " is already bound");
      }
      target = type;
    }

    /** Returns the type this name stands for. */
    SchemaType target() {
      SchemaType t = target;
      if (t != null) {
        return t;
      }
      if (base == null) {
        throw new IllegalStateException("type " + name + " is not bound");
      }
      t = base.target();
      if (t instanceof MapType m) {
        t = withRelationship(m, mapRelationship);
      } else if (t instanceof Union u) {
        t = new Union(u.list(), withRelationship(u.map(), mapRelationship));
      }
      target = t;
      return t;
    }

    private static MapType withRelationship(MapType m, @Nullable Relationship r) {
      return new MapType(m.fields(), m.elementType(), r == null ? m.relationship() : r, m.open(),
          m.present());
    }

    @Override
    public String toString() {
      return mapRelationship == null ? "Named[" + name + "]"
          : "Named[" + name + ", " + mapRelationship + "]";
    }
  }

  /** The scalar type. */
  SchemaType SCALAR = new Scalar();

  /** Upstream's deduced type (custom resources without a schema, preserved unknown fields). */
  SchemaType DEDUCED = new Untyped(UntypedKind.DEDUCED);

  /** Upstream's untyped atomic type. */
  SchemaType UNTYPED_ATOMIC = new Untyped(UntypedKind.ATOMIC);

  /** A built-in field whose type is not transcribed. */
  SchemaType UNTYPED_OPEN = new Untyped(UntypedKind.OPEN);

  /** Returns a granular struct with {@code fields} and no others. */
  static SchemaType struct(Map<String, SchemaType> fields) {
    return new MapType(fields, null, Relationship.SEPARABLE, false);
  }

  /** Returns a granular struct with {@code fields} plus untranscribed named fields. */
  static SchemaType openStruct(Map<String, SchemaType> fields) {
    return new MapType(fields, null, Relationship.SEPARABLE, true);
  }

  /**
   * Returns a granular struct with {@code fields} plus untranscribed named fields, {@code
   * present} being always present in typed objects.
   */
  static SchemaType openStruct(Map<String, SchemaType> fields, String... present) {
    return new MapType(fields, null, Relationship.SEPARABLE, true, Set.of(present));
  }

  /** Returns an atomic struct (upstream's {@code +structType=atomic}). */
  static SchemaType atomicStruct() {
    return new MapType(Map.of(), null, Relationship.ATOMIC, true);
  }

  /** Returns a granular map of {@code element}. */
  static SchemaType map(SchemaType element) {
    return new MapType(Map.of(), element, Relationship.SEPARABLE, false);
  }

  /** Returns an atomic map of {@code element} ({@code +mapType=atomic}). */
  static SchemaType atomicMap(SchemaType element) {
    return new MapType(Map.of(), element, Relationship.ATOMIC, false);
  }

  /** Returns an atomic list ({@code +listType=atomic}, and lists without a list type). */
  static SchemaType atomicList(SchemaType element) {
    return new ListType(element, Relationship.ATOMIC, List.of(), Map.of());
  }

  /** Returns a set of scalars ({@code +listType=set}). */
  static SchemaType set() {
    return new ListType(SCALAR, Relationship.ASSOCIATIVE, List.of(), Map.of());
  }

  /** Returns a list of maps keyed by {@code keys} ({@code +listType=map}). */
  static SchemaType listMap(SchemaType element, List<String> keys, Map<String, Object> defaults) {
    return new ListType(element, Relationship.ASSOCIATIVE, keys, defaults);
  }
}

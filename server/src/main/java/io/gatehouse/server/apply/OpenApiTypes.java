package io.gatehouse.server.apply;

import io.gatehouse.server.apply.SchemaType.ListType;
import io.gatehouse.server.apply.SchemaType.MapType;
import io.gatehouse.server.apply.SchemaType.Named;
import io.gatehouse.server.apply.SchemaType.Relationship;
import io.gatehouse.server.apply.SchemaType.Union;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns OpenAPI v3 schemas into {@link SchemaType}s with the rules of kube-openapi's {@code
 * schemaconv.ToSchemaFromOpenAPI}, the converter behind kube-apiserver's server-side apply type
 * converter (built-in kinds and custom resources alike):
 *
 * <ul>
 *   <li>{@code type: object} is a map: its {@code properties} are named fields (a property's
 *       {@code default} is what list-map keys fall back to), other keys take {@code
 *       additionalProperties}' type; without {@code additionalProperties} they are deduced values
 *       when the object has no properties or unknown fields are preserved, else not allowed;
 *       {@code additionalProperties: true} deduces, {@code false} forbids. {@code
 *       x-kubernetes-map-type} {@code atomic}/{@code granular} sets the relationship (also beside a
 *       {@code $ref}, overriding the definition's).
 *   <li>{@code type: array} is a list: {@code x-kubernetes-list-type} {@code atomic}, {@code set},
 *       {@code map} (keys from {@code x-kubernetes-list-map-keys}); without a list type, {@code
 *       x-kubernetes-patch-strategy} {@code merge}/{@code merge,retainKeys} makes it associative by
 *       {@code x-kubernetes-patch-merge-key} (a set without one), {@code retainKeys} or nothing
 *       leaves it atomic. Items without a schema are untyped atomic.
 *   <li>Primitive types are scalars; a schema without {@code type} (int-or-string, preserved
 *       unknown fields) is a scalar, list and map at once, which without further constraints is
 *       upstream's deduced type.
 *   <li>{@code x-kubernetes-preserve-unknown-fields: true} lets the object it is on <em>and every
 *       schema inlined below it</em> take unknown fields as deduced values; a {@code $ref} is
 *       converted as a definition of its own, with only the converter-wide setting.
 *   <li>The definitions {@code io.k8s.apimachinery.pkg.api.resource.Quantity} and {@code
 *       io.k8s.apimachinery.pkg.runtime.RawExtension} are untyped scalars whatever they say.
 * </ul>
 *
 * <p>Schemas are in the neutral form of {@code io.gatehouse.server.openapi} ({@code $ref} values
 * are definition names; a {@code #/…/} prefix is cut as upstream cuts the path); a {@code $ref} in
 * a one-element {@code allOf} counts as the schema's own. Definitions are converted once and
 * cached. What upstream reports as an error (an unknown list or map type, missing list-map keys,
 * an unknown type, a tuple {@code items}) is collected in {@link #errors()} and the node is given
 * upstream's fallback type. Thread-safe: conversions are serialised.
 */
public final class OpenApiTypes {

  static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  static final String RAW_EXTENSION = "io.k8s.apimachinery.pkg.runtime.RawExtension";

  private final Function<String, @Nullable Map<String, Object>> definitions;
  private final boolean preserveUnknownFields;
  private final Map<String, Named> named = new HashMap<>();
  private final List<String> errors = new ArrayList<>();

  /**
   * @param definitions the definition of a name, or null when there is none (a {@code $ref} to it
   *     is then an untyped scalar: upstream's unresolvable reference fails every value but null)
   * @param preserveUnknownFields upstream's converter-wide flag (a CRD's {@code
   *     spec.preserveUnknownFields})
   */
  public OpenApiTypes(Function<String, @Nullable Map<String, Object>> definitions,
      boolean preserveUnknownFields) {
    this.definitions = definitions;
    this.preserveUnknownFields = preserveUnknownFields;
  }

  /** Returns the type of definition {@code name}. */
  public synchronized SchemaType named(String name) {
    return namedType(name);
  }

  /**
   * Returns the type of a schema that is not a definition of its own (converted as a top-level
   * definition is: with the converter-wide preserve-unknown-fields setting).
   */
  public synchronized SchemaType convert(Map<String, Object> schema) {
    return visit(schema, new Context("inlined", preserveUnknownFields));
  }

  /** The problems met so far, each as {@code <definition>: <message>} like upstream's. */
  public synchronized List<String> errors() {
    return List.copyOf(errors);
  }

  /** Where a schema is (for error texts) and whether unknown fields are preserved there. */
  private record Context(String name, boolean preserve) {}

  private Named namedType(String name) {
    Named n = named.get(name);
    if (n != null) {
      return n;
    }
    n = new Named(name);
    named.put(name, n);
    Map<String, Object> definition = definitions.apply(name);
    if (definition == null || name.equals(QUANTITY) || name.equals(RAW_EXTENSION)) {
      n.bind(SchemaType.SCALAR);
    } else {
      n.bind(visit(definition, new Context(name, preserveUnknownFields)));
    }
    return n;
  }

  /** Upstream's {@code visitSpec}: the preserve flag is switched on for this node and below. */
  private SchemaType visit(Map<String, Object> schema, Context at) {
    Context here = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))
        ? new Context(at.name(), true) : at;
    String type = type(schema);
    return switch (type) {
      case "" -> union(list(schema, here), object(schema, here));
      case "object" -> object(schema, here);
      case "array" -> list(schema, here);
      case "integer", "boolean", "number", "string" -> SchemaType.SCALAR;
      default -> {
        error(here, "unrecognized type: '" + type + "'");
        yield SchemaType.SCALAR;
      }
    };
  }

  private static SchemaType union(ListType list, MapType map) {
    Union u = new Union(list, map);
    return u.equals(DEDUCED_SHAPE) ? SchemaType.DEDUCED : u;
  }

  private static final Union DEDUCED_SHAPE = new Union(
      new ListType(SchemaType.UNTYPED_ATOMIC, Relationship.ATOMIC, List.of(), Map.of()),
      new MapType(Map.of(), SchemaType.DEDUCED, Relationship.SEPARABLE, false));

  private static String type(Map<String, Object> schema) {
    Object t = schema.get("type");
    if (t instanceof List<?> l) {
      return l.isEmpty() ? "" : String.valueOf(l.get(0));
    }
    return t instanceof String s ? s : "";
  }

  /** Upstream's {@code makeOpenAPIRef}: a named type, possibly with a map relationship. */
  private SchemaType ref(Map<String, Object> schema, Context at) {
    String ref = refName(schema);
    if (ref == null) {
      return visit(schema, new Context("inlined in " + at.name(), at.preserve()));
    }
    Named n = namedType(ref);
    Relationship r = mapRelationship(schema, at);
    return r == null ? n : new Named(n, r);
  }

  private static @Nullable String refName(Map<String, Object> schema) {
    Object ref = schema.get("$ref");
    if (!(ref instanceof String) && schema.get("allOf") instanceof List<?> all && all.size() == 1
        && all.get(0) instanceof Map<?, ?> only) {
      ref = only.get("$ref");
    }
    if (!(ref instanceof String s) || s.isEmpty()) {
      return null;
    }
    String name = s.substring(s.lastIndexOf('/') + 1);
    return name.isEmpty() ? null : name;
  }

  private MapType object(Map<String, Object> schema, Context at) {
    Map<String, SchemaType> fields = new LinkedHashMap<>();
    Map<String, Object> properties = map(schema.get("properties"));
    properties.forEach((name, member) -> fields.put(name, ref(map(member), at)));
    Object additional = schema.get("additionalProperties");
    SchemaType element;
    if (additional == null) {
      element = at.preserve() || properties.isEmpty() ? SchemaType.DEDUCED : null;
    } else if (additional instanceof Map<?, ?>) {
      element = ref(map(additional), at);
    } else {
      element = Boolean.TRUE.equals(additional) ? SchemaType.DEDUCED : null;
    }
    Relationship r = mapRelationship(schema, at);
    return new MapType(fields, element, r == null ? Relationship.SEPARABLE : r, false);
  }

  private ListType list(Map<String, Object> schema, Context at) {
    Relationship relationship = Relationship.ATOMIC;
    List<String> keys = List.of();
    Object listType = schema.get("x-kubernetes-list-type");
    Object strategy = schema.get("x-kubernetes-patch-strategy");
    if (listType != null) {
      switch (String.valueOf(listType)) {
        case "atomic" -> { }
        case "set" -> relationship = Relationship.ASSOCIATIVE;
        case "map" -> {
          relationship = Relationship.ASSOCIATIVE;
          Object k = schema.get("x-kubernetes-list-map-keys");
          if (k == null) {
            error(at, "missing map keys");
          } else if (k instanceof List<?> l) {
            keys = l.stream().filter(String.class::isInstance).map(String.class::cast).toList();
          } else {
            error(at, "uninterpreted map keys: " + k);
          }
        }
        default -> error(at, "unknown list type " + listType);
      }
    } else if (strategy != null) {
      switch (String.valueOf(strategy)) {
        case "merge", "merge,retainKeys" -> {
          relationship = Relationship.ASSOCIATIVE;
          Object key = schema.get("x-kubernetes-patch-merge-key");
          if (key instanceof String s) {
            keys = List.of(s);
          } else if (key != null) {
            error(at, "uninterpreted merge key: " + key);
          }
        }
        case "retainKeys" -> { }
        default -> error(at, "unknown patch strategy " + strategy);
      }
    }
    Object items = schema.get("items");
    SchemaType element = SchemaType.UNTYPED_ATOMIC;
    Map<String, Object> itemSchema = Map.of();
    if (items instanceof Map<?, ?>) {
      itemSchema = map(items);
      element = ref(itemSchema, at);
    } else if (items != null) {
      error(at, "structural schema arrays must have exactly one member subtype");
      element = SchemaType.DEDUCED;
    } else if (!type(schema).isEmpty()) {
      error(at, "`items` must be specified on arrays");
    }
    return new ListType(element, relationship, keys, keyDefaults(itemSchema, keys));
  }

  /** The {@code default}s of the key fields (upstream reads them from the element's fields). */
  private Map<String, Object> keyDefaults(Map<String, Object> itemSchema, List<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> element = itemSchema;
    String ref = refName(itemSchema);
    if (ref != null) {
      Map<String, Object> def = definitions.apply(ref);
      element = def == null || ref.equals(QUANTITY) || ref.equals(RAW_EXTENSION) ? Map.of() : def;
    }
    Map<String, Object> properties = map(element.get("properties"));
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : keys) {
      Object d = map(properties.get(k)).get("default");
      if (d != null) {
        out.put(k, jsonNumber(d));
      }
    }
    return out;
  }

  /** Values are compared as structured-merge-diff compares them: integers as longs. */
  private static Object jsonNumber(Object v) {
    return switch (v) {
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case BigInteger b -> b.longValue();
      case Float f -> f.doubleValue();
      case BigDecimal b -> b.doubleValue();
      default -> v;
    };
  }

  private @Nullable Relationship mapRelationship(Map<String, Object> schema, Context at) {
    Object t = schema.get("x-kubernetes-map-type");
    if (t == null) {
      return null;
    }
    return switch (String.valueOf(t)) {
      case "atomic" -> Relationship.ATOMIC;
      case "granular" -> Relationship.SEPARABLE;
      default -> {
        error(at, "unknown map type " + t);
        yield null;
      }
    };
  }

  private void error(Context at, String message) {
    errors.add(at.name() + ": " + message);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object v) {
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}

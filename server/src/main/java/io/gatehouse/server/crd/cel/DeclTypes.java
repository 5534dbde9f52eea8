package io.gatehouse.server.crd.cel;

import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import io.gatehouse.cel.PropertyNames;
import io.gatehouse.server.schema.JsonSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The CEL type of a schema node (upstream's {@code SchemaDeclType} with {@code
 * MaybeAssignTypeName}): {@code x-kubernetes-int-or-string} is {@code dyn}; objects with
 * properties are struct types named after their path from the root ({@code selfType0.spec.x}),
 * their fields the escapable property names ({@link PropertyNames}); objects with {@code
 * additionalProperties} are {@code map(string, …)}; arrays {@code list(…)}; strings {@code bytes},
 * {@code duration} or {@code timestamp} by format. A resource root (the custom object, an embedded
 * resource) always has {@code apiVersion}, {@code kind} and {@code metadata} with {@code name} and
 * {@code generateName}. Nodes without a type (and arrays without items) have no CEL type and are
 * left out. Stateless.
 */
final class DeclTypes {

  /** The placeholder name of the root type (upstream appends the time's nanoseconds). */
  static final String ROOT = "selfType0";

  private DeclTypes() {}

  /**
   * Returns the type of {@code s}, registering every struct type it uses in {@code structs}, or
   * {@code null} when the node has no CEL type.
   */
  static @Nullable CelType of(JsonSchema s, boolean resourceRoot, String name,
      List<StructType> structs) {
    if (s.intOrString()) {
      return SimpleType.DYN;
    }
    switch (s.type()) {
      case "array" -> {
        if (s.items() == null) {
          return null;
        }
        CelType item = of(s.items(), s.items().embeddedResource(), name + ".@idx", structs);
        return item == null ? null : ListType.create(item);
      }
      case "object" -> {
        JsonSchema additional = s.additionalPropertiesSchema();
        if (additional != null) {
          CelType value = of(additional, additional.embeddedResource(), name + ".@elem", structs);
          return value == null ? null : MapType.create(SimpleType.STRING, value);
        }
        Map<String, CelType> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonSchema> p : properties(s, resourceRoot).entrySet()) {
          Optional<String> field = PropertyNames.escape(p.getKey());
          if (field.isEmpty()) {
            continue;
          }
          CelType t = of(p.getValue(), p.getValue().embeddedResource(),
              name + "." + field.get(), structs);
          if (t != null) {
            fields.put(field.get(), t);
          }
        }
        Map<String, CelType> frozen = Map.copyOf(fields);
        StructType struct = StructType.create(name, ImmutableSet.copyOf(fields.keySet()),
            f -> Optional.ofNullable(frozen.get(f)));
        structs.add(struct);
        return struct;
      }
      case "string" -> {
        return switch (s.format()) {
          case "byte" -> SimpleType.BYTES;
          case "duration" -> SimpleType.DURATION;
          case "date", "date-time" -> SimpleType.TIMESTAMP;
          default -> SimpleType.STRING;
        };
      }
      case "boolean" -> {
        return SimpleType.BOOL;
      }
      case "number" -> {
        return SimpleType.DOUBLE;
      }
      case "integer" -> {
        return SimpleType.INT;
      }
      default -> {
        return null;
      }
    }
  }

  /** The properties of an object node; a resource root's with the type and object meta. */
  static Map<String, JsonSchema> properties(JsonSchema s, boolean resourceRoot) {
    if (!resourceRoot) {
      return s.properties();
    }
    Map<String, JsonSchema> props = new LinkedHashMap<>(s.properties());
    props.put("kind", STRING);
    props.put("apiVersion", STRING);
    props.put("metadata", METADATA);
    return props;
  }

  private static final JsonSchema STRING = JsonSchema.parse(Map.of("type", "string"));
  private static final JsonSchema METADATA = JsonSchema.parse(Map.of("type", "object",
      "properties", Map.of("name", Map.of("type", "string"),
          "generateName", Map.of("type", "string"))));
}

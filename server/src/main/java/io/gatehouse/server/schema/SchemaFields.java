package io.gatehouse.server.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-zero fields of a schema node by their Go field names, in the order of the internal
 * {@code JSONSchemaProps} struct (upstream reflects over it to restrict the root when the status
 * subresource is enabled). Stateless.
 */
final class SchemaFields {

  private SchemaFields() {}

  static List<String> nonZero(JsonSchema s) {
    List<String> out = new ArrayList<>();
    add(out, "ID", !s.id.isEmpty());
    add(out, "Schema", !s.schema.isEmpty());
    add(out, "Ref", s.ref != null);
    add(out, "Description", !s.description.isEmpty());
    add(out, "Type", !s.type.isEmpty());
    add(out, "Format", !s.format.isEmpty());
    add(out, "Title", !s.title.isEmpty());
    add(out, "Default", s.hasDefault);
    add(out, "Maximum", s.maximum != null);
    add(out, "ExclusiveMaximum", s.exclusiveMaximum);
    add(out, "Minimum", s.minimum != null);
    add(out, "ExclusiveMinimum", s.exclusiveMinimum);
    add(out, "MaxLength", s.maxLength != null);
    add(out, "MinLength", s.minLength != null);
    add(out, "Pattern", !s.pattern.isEmpty());
    add(out, "MaxItems", s.maxItems != null);
    add(out, "MinItems", s.minItems != null);
    add(out, "UniqueItems", s.uniqueItems);
    add(out, "MultipleOf", s.multipleOf != null);
    add(out, "Enum", s.enumValues != null);
    add(out, "MaxProperties", s.maxProperties != null);
    add(out, "MinProperties", s.minProperties != null);
    add(out, "Required", !s.required.isEmpty());
    add(out, "Items", s.items != null || !s.itemsArray.isEmpty());
    add(out, "AllOf", !s.allOf.isEmpty());
    add(out, "OneOf", !s.oneOf.isEmpty());
    add(out, "AnyOf", !s.anyOf.isEmpty());
    add(out, "Not", s.not != null);
    add(out, "Properties", !s.properties.isEmpty());
    add(out, "AdditionalProperties", s.additionalProperties != null);
    add(out, "PatternProperties", !s.patternProperties.isEmpty());
    add(out, "Dependencies", s.dependencies != null);
    add(out, "AdditionalItems", s.additionalItems != null);
    add(out, "Definitions", !s.definitions.isEmpty());
    add(out, "ExternalDocs", s.externalDocs != null);
    add(out, "Example", s.example != null);
    add(out, "Nullable", s.nullable);
    add(out, "XPreserveUnknownFields", s.xPreserveUnknownFields != null);
    add(out, "XEmbeddedResource", s.xEmbeddedResource);
    add(out, "XIntOrString", s.xIntOrString);
    add(out, "XListMapKeys", !s.xListMapKeys.isEmpty());
    add(out, "XListType", s.xListType != null);
    add(out, "XMapType", s.xMapType != null);
    add(out, "XValidations", !s.xValidations.isEmpty());
    return out;
  }

  private static void add(List<String> out, String name, boolean set) {
    if (set) {
      out.add(name);
    }
  }
}

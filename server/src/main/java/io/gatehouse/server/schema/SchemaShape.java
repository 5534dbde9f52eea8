package io.gatehouse.server.schema;

/**
 * Shape tests on schema nodes that upstream writes as comparisons with zero values. Stateless.
 */
final class SchemaShape {

  private SchemaShape() {}

  /** Whether {@code s} sets nothing but {@code type: <type>}. */
  static boolean onlyType(JsonSchema s, String type) {
    return s.type.equals(type) && onlyNamesOrNothing(s, false) && s.properties.isEmpty();
  }

  /**
   * Whether the root {@code metadata} schema restricts nothing but {@code name} and {@code
   * generateName}: its type and default are ignored, and {@code properties} may hold only those
   * two.
   */
  static boolean onlyNames(JsonSchema s) {
    boolean propsOk = s.properties.isEmpty() || s.properties.keySet().stream()
        .allMatch(k -> k.equals("name") || k.equals("generateName"));
    return propsOk && onlyNamesOrNothing(s, true);
  }

  private static boolean onlyNamesOrNothing(JsonSchema s, boolean ignoreTypeAndDefault) {
    return s.description.isEmpty() && s.title.isEmpty()
        && (ignoreTypeAndDefault || !s.hasDefault) && s.format.isEmpty()
        && s.maximum == null && !s.exclusiveMaximum && s.minimum == null && !s.exclusiveMinimum
        && s.maxLength == null && s.minLength == null && s.pattern.isEmpty()
        && s.maxItems == null && s.minItems == null && !s.uniqueItems && s.multipleOf == null
        && s.enumValues == null && s.maxProperties == null && s.minProperties == null
        && s.required.isEmpty() && s.items == null && s.allOf.isEmpty() && s.oneOf.isEmpty()
        && s.anyOf.isEmpty() && s.not == null && s.additionalProperties == null
        && !s.nullable && s.xPreserveUnknownFields == null && !s.xEmbeddedResource
        && !s.xIntOrString && s.xListMapKeys.isEmpty() && s.xListType == null
        && s.xMapType == null && s.xValidations.isEmpty() && s.externalDocs == null;
  }
}

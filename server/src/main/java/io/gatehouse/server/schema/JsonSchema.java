package io.gatehouse.server.schema;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One node of a CRD's {@code openAPIV3Schema}: apiextensions' {@code JSONSchemaProps}, every field
 * the v1 API accepts. Absent optional fields are {@code null} (or empty collections); {@link
 * #hasDefault()} tells an absent {@code default} from {@code default: null}. Properties keep the
 * document's order. Built by {@link #parse}; immutable and thread-safe.
 */
public final class JsonSchema {

  final String id;
  final String schema;
  final @Nullable String ref;
  final String description;
  final String type;
  final String format;
  final String title;
  final boolean hasDefault;
  final @Nullable Object defaultValue;
  final @Nullable Double maximum;
  final boolean exclusiveMaximum;
  final @Nullable Double minimum;
  final boolean exclusiveMinimum;
  final @Nullable Long maxLength;
  final @Nullable Long minLength;
  final String pattern;
  final @Nullable Long maxItems;
  final @Nullable Long minItems;
  final boolean uniqueItems;
  final @Nullable Double multipleOf;
  final @Nullable List<@Nullable Object> enumValues;
  final @Nullable Long maxProperties;
  final @Nullable Long minProperties;
  final List<String> required;
  final @Nullable JsonSchema items;
  final List<JsonSchema> itemsArray;
  final List<JsonSchema> allOf;
  final List<JsonSchema> oneOf;
  final List<JsonSchema> anyOf;
  final @Nullable JsonSchema not;
  final Map<String, JsonSchema> properties;
  final @Nullable SchemaOrBool additionalProperties;
  final Map<String, JsonSchema> patternProperties;
  final @Nullable Map<String, Object> dependencies;
  final @Nullable SchemaOrBool additionalItems;
  final Map<String, JsonSchema> definitions;
  final @Nullable Map<String, Object> externalDocs;
  final @Nullable Object example;
  final boolean nullable;
  final @Nullable Boolean xPreserveUnknownFields;
  final boolean xEmbeddedResource;
  final boolean xIntOrString;
  final List<String> xListMapKeys;
  final @Nullable String xListType;
  final @Nullable String xMapType;
  final List<ValidationRule> xValidations;

  JsonSchema(SchemaParser.Fields f) {
    id = f.id;
    schema = f.schema;
    ref = f.ref;
    description = f.description;
    type = f.type;
    format = f.format;
    title = f.title;
    hasDefault = f.hasDefault;
    defaultValue = f.defaultValue;
    maximum = f.maximum;
    exclusiveMaximum = f.exclusiveMaximum;
    minimum = f.minimum;
    exclusiveMinimum = f.exclusiveMinimum;
    maxLength = f.maxLength;
    minLength = f.minLength;
    pattern = f.pattern;
    maxItems = f.maxItems;
    minItems = f.minItems;
    uniqueItems = f.uniqueItems;
    multipleOf = f.multipleOf;
    enumValues = f.enumValues;
    maxProperties = f.maxProperties;
    minProperties = f.minProperties;
    required = List.copyOf(f.required);
    items = f.items;
    itemsArray = List.copyOf(f.itemsArray);
    allOf = List.copyOf(f.allOf);
    oneOf = List.copyOf(f.oneOf);
    anyOf = List.copyOf(f.anyOf);
    not = f.not;
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(f.properties));
    additionalProperties = f.additionalProperties;
    patternProperties = Map.copyOf(f.patternProperties);
    dependencies = f.dependencies;
    additionalItems = f.additionalItems;
    definitions = Map.copyOf(f.definitions);
    externalDocs = f.externalDocs;
    example = f.example;
    nullable = f.nullable;
    xPreserveUnknownFields = f.xPreserveUnknownFields;
    xEmbeddedResource = f.xEmbeddedResource;
    xIntOrString = f.xIntOrString;
    xListMapKeys = List.copyOf(f.xListMapKeys);
    xListType = f.xListType;
    xMapType = f.xMapType;
    xValidations = List.copyOf(f.xValidations);
  }

  /**
   * Reads a schema node from its decoded JSON.
   *
   * @throws SchemaDecodeException if a field has the wrong JSON type, worded as Go's JSON decoder
   *     words it
   */
  public static JsonSchema parse(Object json) {
    return SchemaParser.parse(json, "");
  }

  /** {@code type}, empty if unset. */
  public String type() {
    return type;
  }

  /** {@code format}, empty if unset. */
  public String format() {
    return format;
  }

  /** {@code properties}, in document order. */
  public Map<String, JsonSchema> properties() {
    return properties;
  }

  /** {@code items} given as a single schema, if any. */
  public @Nullable JsonSchema items() {
    return items;
  }

  /** {@code additionalProperties}, if set. */
  public @Nullable SchemaOrBool additionalProperties() {
    return additionalProperties;
  }

  /** The schema of {@code additionalProperties}, if set to a schema. */
  public @Nullable JsonSchema additionalPropertiesSchema() {
    return additionalProperties == null ? null : additionalProperties.schema();
  }

  /** Whether {@code default} is set (possibly to {@code null}). */
  public boolean hasDefault() {
    return hasDefault;
  }

  /** {@code default}; {@code null} when unset or null. */
  public @Nullable Object defaultValue() {
    return defaultValue;
  }

  /** {@code nullable}. */
  public boolean nullable() {
    return nullable;
  }

  /** {@code x-kubernetes-preserve-unknown-fields}, {@code false} when unset. */
  public boolean preserveUnknownFields() {
    return Boolean.TRUE.equals(xPreserveUnknownFields);
  }

  /** {@code x-kubernetes-embedded-resource}. */
  public boolean embeddedResource() {
    return xEmbeddedResource;
  }

  /** {@code x-kubernetes-int-or-string}. */
  public boolean intOrString() {
    return xIntOrString;
  }

  /** {@code x-kubernetes-list-type}, or {@code null}. */
  public @Nullable String listType() {
    return xListType;
  }

  /** {@code x-kubernetes-list-map-keys}. */
  public List<String> listMapKeys() {
    return xListMapKeys;
  }

  /** {@code x-kubernetes-map-type}, or {@code null}. */
  public @Nullable String mapType() {
    return xMapType;
  }

  /** {@code x-kubernetes-validations}. */
  public List<ValidationRule> validations() {
    return xValidations;
  }

  /** {@code required}. */
  public List<String> required() {
    return required;
  }

  /** {@code enum}, or {@code null} when unset. */
  public @Nullable List<@Nullable Object> enumValues() {
    return enumValues;
  }

  /** {@code maxLength}, or {@code null}. */
  public @Nullable Long maxLength() {
    return maxLength;
  }

  /** {@code maxItems}, or {@code null}. */
  public @Nullable Long maxItems() {
    return maxItems;
  }

  /** {@code maxProperties}, or {@code null}. */
  public @Nullable Long maxProperties() {
    return maxProperties;
  }

  /** {@code allOf}. */
  public List<JsonSchema> allOf() {
    return allOf;
  }
}

package io.gatehouse.server.schema;

import org.jspecify.annotations.Nullable;

/**
 * {@code JSONSchemaPropsOrBool}: {@code additionalProperties} (or {@code additionalItems}) given
 * as a boolean or a schema. Immutable.
 *
 * @param allows {@code false} only for a literal {@code false}
 * @param schema the schema, if one was given
 */
public record SchemaOrBool(boolean allows, @Nullable JsonSchema schema) {}

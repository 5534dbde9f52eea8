package io.gatehouse.server.schema;

/**
 * A schema whose JSON does not decode into {@code JSONSchemaProps}; the message is worded as Go's
 * {@code encoding/json} words an {@code UnmarshalTypeError}.
 */
public final class SchemaDecodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with {@code message}. */
  public SchemaDecodeException(String message) {
    super(message);
  }
}

package io.gatehouse.server.protobuf;

/**
 * The type of a message field as the decoder treats it: a scalar, one of apimachinery's types
 * with a custom JSON form, or a reference to another message.
 */
sealed interface FieldType {

  /** Types with a fixed wire and JSON form. */
  enum Builtin implements FieldType {
    /** {@code string}: a JSON string. */
    STRING,
    /** {@code bool}: JSON true/false. */
    BOOL,
    /** {@code int32}: a JSON integer. */
    INT32,
    /** {@code int64}: a JSON integer. */
    INT64,
    /** {@code bytes}: a base64 JSON string (Go's {@code []byte}). */
    BYTES,
    /** {@code resource.Quantity}: its string form; the zero value is {@code "0"}. */
    QUANTITY,
    /** {@code intstr.IntOrString}: a JSON integer or string; the zero value is {@code 0}. */
    INT_OR_STRING,
    /** {@code metav1.Time}: RFC 3339 in seconds, UTC; the zero time is {@code null}. */
    TIME,
    /** {@code metav1.MicroTime}: RFC 3339 in microseconds, UTC; the zero time is {@code null}. */
    MICRO_TIME,
    /** {@code metav1.FieldsV1}: its raw bytes are JSON. */
    FIELDS_V1,
    /** A message wrapping {@code repeated string items = 1} (ExtraValue): a JSON array. */
    STRINGS;

    /** Returns the type named {@code name} in the tables, or null. */
    static Builtin named(String name) {
      return switch (name) {
        case "string" -> STRING;
        case "bool" -> BOOL;
        case "int32" -> INT32;
        case "int64" -> INT64;
        case "bytes" -> BYTES;
        case "Quantity" -> QUANTITY;
        case "IntOrString" -> INT_OR_STRING;
        case "Time" -> TIME;
        case "MicroTime" -> MICRO_TIME;
        case "FieldsV1" -> FIELDS_V1;
        case "strings" -> STRINGS;
        default -> null;
      };
    }

    /** Whether the value is a varint on the wire (and may be packed when repeated). */
    boolean varint() {
      return this == BOOL || this == INT32 || this == INT64;
    }
  }

  /**
   * Another message of the tables.
   *
   * @param qualifiedName {@code package.Message}
   */
  record Message(String qualifiedName) implements FieldType {}
}

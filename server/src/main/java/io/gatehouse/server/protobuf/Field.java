package io.gatehouse.server.protobuf;

/**
 * One field of a message: its proto field number, its JSON name and the rule that decides how
 * (and whether) it appears in the JSON form, which mirrors Go's {@code encoding/json} on the Go
 * type upstream decodes the message into.
 *
 * @param number the proto field number
 * @param jsonName the JSON key
 * @param type the value type
 * @param cardinality single, repeated or a map with string keys
 * @param presence how a missing or zero value is rendered
 * @param inline whether the field is an embedded struct whose fields merge into the parent
 */
record Field(int number, String jsonName, FieldType type, Cardinality cardinality,
    Presence presence, boolean inline) {

  /** Single value, list or map. */
  enum Cardinality { SINGLE, REPEATED, MAP }

  /**
   * How Go's JSON encoder renders the field.
   */
  enum Presence {
    /** No {@code omitempty}: always present; an empty list or map is {@code null}. */
    ALWAYS,
    /**
     * {@code omitempty} on a value: omitted when zero (lists and maps when empty); a struct
     * value is still always present, as Go never considers a struct empty.
     */
    OMIT_EMPTY,
    /** A pointer with {@code omitempty}: present exactly when it was sent. */
    POINTER,
    /** A pointer without {@code omitempty}: {@code null} when it was not sent. */
    POINTER_OR_NULL
  }

  /** The Go field name used in upstream's wire-type errors (an approximation, see README.txt). */
  String goName() {
    if (jsonName.equals("uid")) {
      return "UID";
    }
    if (jsonName.startsWith("api")) {
      return "API" + jsonName.substring(3);
    }
    return Character.toUpperCase(jsonName.charAt(0)) + jsonName.substring(1);
  }
}

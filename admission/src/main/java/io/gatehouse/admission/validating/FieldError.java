package io.gatehouse.admission.validating;

import org.jspecify.annotations.Nullable;

/**
 * One API validation error, as apimachinery's {@code field.Error}.
 *
 * <p>Immutable.
 *
 * @param type the error type
 * @param field the field path, e.g. {@code spec.validations[0].expression}
 * @param value the bad value already rendered as Go prints it (e.g. {@code "abc"} quoted), or null
 *     for types that print no value
 * @param detail the detail, possibly empty
 */
public record FieldError(Type type, String field, @Nullable String value, String detail) {

  /** apimachinery's {@code field.ErrorType}, with its text. */
  public enum Type {
    /** {@code Required value}. */
    REQUIRED("Required value"),
    /** {@code Invalid value}. */
    INVALID("Invalid value"),
    /** {@code Duplicate value}. */
    DUPLICATE("Duplicate value"),
    /** {@code Unsupported value}. */
    NOT_SUPPORTED("Unsupported value"),
    /** {@code Forbidden}. */
    FORBIDDEN("Forbidden"),
    /** {@code Too many}. */
    TOO_MANY("Too many"),
    /** {@code Internal error}. */
    INTERNAL("Internal error");

    private final String text;

    Type(String text) {
      this.text = text;
    }

    /** Returns the text, e.g. {@code Invalid value}. */
    public String text() {
      return text;
    }
  }

  /** Returns a {@code Required value} error. */
  public static FieldError required(String field, String detail) {
    return new FieldError(Type.REQUIRED, field, null, detail);
  }

  /** Returns a {@code Forbidden} error. */
  public static FieldError forbidden(String field, String detail) {
    return new FieldError(Type.FORBIDDEN, field, null, detail);
  }

  /** Returns an {@code Invalid value} error; {@code value} is already rendered. */
  public static FieldError invalid(String field, String value, String detail) {
    return new FieldError(Type.INVALID, field, value, detail);
  }

  /** Returns an {@code Invalid value} error for a string value. */
  public static FieldError invalidString(String field, String value, String detail) {
    return invalid(field, GoText.quote(value), detail);
  }

  /** Returns a {@code Duplicate value} error for a string value. */
  public static FieldError duplicate(String field, String value) {
    return new FieldError(Type.DUPLICATE, field, GoText.quote(value), "");
  }

  /** Returns an {@code Unsupported value} error for a string value and its supported values. */
  public static FieldError notSupported(String field, String value, java.util.List<String> valid) {
    StringBuilder detail = new StringBuilder("supported values: ");
    for (int i = 0; i < valid.size(); i++) {
      detail.append(i > 0 ? ", " : "").append(GoText.quote(valid.get(i)));
    }
    return new FieldError(Type.NOT_SUPPORTED, field, GoText.quote(value), detail.toString());
  }

  /** Returns a {@code Too many} error. */
  public static FieldError tooMany(String field, int actual, int max) {
    return new FieldError(
        Type.TOO_MANY, field, Integer.toString(actual), "must have at most " + max + " items");
  }

  /** Returns the text of {@code field.Error.Error()}: {@code <field>: <type>[: <value>][: <detail>]}. */
  public String message() {
    StringBuilder s = new StringBuilder(field).append(": ").append(type.text());
    if (value != null) {
      s.append(": ").append(value);
    }
    if (!detail.isEmpty()) {
      s.append(": ").append(detail);
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}

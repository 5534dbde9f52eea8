package io.gatehouse.admission.podsecurity;

import org.jspecify.annotations.Nullable;

/**
 * One validation error, as apimachinery's {@code field.Error}.
 *
 * @param type the error type
 * @param field the field path, e.g. {@code metadata.labels[pod-security.kubernetes.io/enforce]}
 * @param value the bad value as Go prints it (strings {@code %q}-quoted), or null for types that
 *     print none
 * @param detail the detail, possibly empty
 */
public record FieldError(Type type, String field, @Nullable String value, String detail) {

  /** apimachinery's {@code field.ErrorType}, with its text and status cause type. */
  public enum Type {
    /** {@code Required value}. */
    REQUIRED("Required value", "FieldValueRequired"),
    /** {@code Invalid value}. */
    INVALID("Invalid value", "FieldValueInvalid"),
    /** {@code Duplicate value}. */
    DUPLICATE("Duplicate value", "FieldValueDuplicate");

    private final String text;
    private final String cause;

    Type(String text, String cause) {
      this.text = text;
      this.cause = cause;
    }

    /** Returns the text, e.g. {@code Invalid value}. */
    public String text() {
      return text;
    }

    /** Returns the {@code StatusCause} type, e.g. {@code FieldValueInvalid}. */
    public String cause() {
      return cause;
    }
  }

  /** An {@code Invalid value} error for a string value. */
  static FieldError invalid(String field, String value, String detail) {
    return new FieldError(Type.INVALID, field, GoText.quote(value), detail);
  }

  /** A {@code Duplicate value} error for a string value. */
  static FieldError duplicate(String field, String value) {
    return new FieldError(Type.DUPLICATE, field, GoText.quote(value), "");
  }

  /** A {@code Required value} error. */
  static FieldError required(String field) {
    return new FieldError(Type.REQUIRED, field, null, "");
  }

  /** Returns {@code field.Error.ErrorBody()}: {@code <type>[: <value>][: <detail>]}. */
  public String body() {
    StringBuilder s = new StringBuilder(type.text());
    if (value != null) {
      s.append(": ").append(value);
    }
    if (!detail.isEmpty()) {
      s.append(": ").append(detail);
    }
    return s.toString();
  }

  /** Returns {@code field.Error.Error()}: {@code <field>: <body>}. */
  public String message() {
    return field + ": " + body();
  }

  @Override
  public String toString() {
    return message();
  }
}

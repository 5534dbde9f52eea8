package io.gatehouse.server.schema;

import io.gatehouse.api.GoQuote;
import org.jspecify.annotations.Nullable;

/**
 * One validation error, apimachinery's {@code field.Error} as Kubernetes 1.32+ prints it: {@link
 * #message()} is {@code Error()} ({@code <field>: <body>}), {@link #body()} is {@code
 * ErrorBody()}, the text of a Status cause.
 *
 * <p>The bad value is printed for the types that print one, as 1.33 prints it ({@link
 * GoText#value}): {@code int64}/{@code float64}/{@code bool} with Go's {@code %v}, strings with
 * {@code %q}, {@code null} as {@code "null"}, lists and maps as Go's {@code %#v} of the decoded
 * {@code interface{}} value; a value of another Go type is passed as a {@link GoText.Raw}.
 * Immutable.
 *
 * @param type the error type
 * @param field the field path, e.g. {@code spec.replicas}; empty for the root
 * @param value the bad value as decoded JSON or a {@link GoText.Raw} (ignored by types that print
 *     none); {@link #OMIT} to
 *     print no value
 * @param detail the detail, possibly empty
 */
public record FieldError(Type type, String field, @Nullable Object value, String detail) {

  /** A bad value that is not printed (upstream's {@code omitValue}). */
  public static final Object OMIT = new Object() {
    @Override
    public String toString() {
      return "<omitted>";
    }
  };

  /** apimachinery's {@code field.ErrorType}: the cause reason and the text it prints. */
  public enum Type {
    /** {@code FieldValueNotFound}. */
    NOT_FOUND("FieldValueNotFound", "Not found"),
    /** {@code FieldValueRequired}. */
    REQUIRED("FieldValueRequired", "Required value"),
    /** {@code FieldValueDuplicate}. */
    DUPLICATE("FieldValueDuplicate", "Duplicate value"),
    /** {@code FieldValueInvalid}. */
    INVALID("FieldValueInvalid", "Invalid value"),
    /** {@code FieldValueNotSupported}. */
    NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
    /** {@code FieldValueForbidden}. */
    FORBIDDEN("FieldValueForbidden", "Forbidden"),
    /** {@code FieldValueTooLong}. */
    TOO_LONG("FieldValueTooLong", "Too long"),
    /** {@code FieldValueTooMany}. */
    TOO_MANY("FieldValueTooMany", "Too many"),
    /** {@code InternalError}. */
    INTERNAL("InternalError", "Internal error"),
    /** {@code FieldValueTypeInvalid}. */
    TYPE_INVALID("FieldValueTypeInvalid", "Invalid value");

    private final String reason;
    private final String text;

    Type(String reason, String text) {
      this.reason = reason;
      this.text = text;
    }

    /** Returns the cause reason, e.g. {@code FieldValueInvalid}. */
    public String reason() {
      return reason;
    }

    /** Returns the text, e.g. {@code Invalid value}. */
    public String text() {
      return text;
    }

    private boolean printsValue() {
      return switch (this) {
        case REQUIRED, FORBIDDEN, TOO_LONG, INTERNAL -> false;
        case NOT_FOUND, DUPLICATE, INVALID, NOT_SUPPORTED, TOO_MANY, TYPE_INVALID -> true;
      };
    }
  }

  /** {@code field.Required}. */
  public static FieldError required(String field, String detail) {
    return new FieldError(Type.REQUIRED, field, "", detail);
  }

  /** {@code field.Forbidden}. */
  public static FieldError forbidden(String field, String detail) {
    return new FieldError(Type.FORBIDDEN, field, "", detail);
  }

  /** {@code field.Invalid}. */
  public static FieldError invalid(String field, @Nullable Object value, String detail) {
    return new FieldError(Type.INVALID, field, value, detail);
  }

  /** {@code field.TypeInvalid}. */
  public static FieldError typeInvalid(String field, @Nullable Object value, String detail) {
    return new FieldError(Type.TYPE_INVALID, field, value, detail);
  }

  /** {@code field.Duplicate}. */
  public static FieldError duplicate(String field, @Nullable Object value) {
    return new FieldError(Type.DUPLICATE, field, value, "");
  }

  /** {@code field.InternalError}. */
  public static FieldError internal(String field, String detail) {
    return new FieldError(Type.INTERNAL, field, null, detail);
  }

  /** {@code field.NotSupported}: the detail lists the supported values, each Go-quoted. */
  public static FieldError notSupported(String field, @Nullable Object value,
      java.util.List<String> supported) {
    StringBuilder detail = new StringBuilder();
    if (!supported.isEmpty()) {
      detail.append("supported values: ");
      for (int i = 0; i < supported.size(); i++) {
        detail.append(i > 0 ? ", " : "").append(GoQuote.quote(supported.get(i)));
      }
    }
    return new FieldError(Type.NOT_SUPPORTED, field, value, detail.toString());
  }

  /** {@code field.TooLong}: {@code may not be more than N bytes} (1.32+). */
  public static FieldError tooLong(String field, long maxLength) {
    String detail = maxLength >= 0
        ? "may not be more than " + maxLength + (maxLength == 1 ? " byte" : " bytes")
        : "value is too long";
    return new FieldError(Type.TOO_LONG, field, "<value omitted>", detail);
  }

  /** {@code field.TooMany}: {@code must have at most N items}; a negative count omits it. */
  public static FieldError tooMany(String field, long actual, long max) {
    String detail = max >= 0
        ? "must have at most " + max + (max == 1 ? " item" : " items")
        : "has too many items";
    return new FieldError(Type.TOO_MANY, field, actual >= 0 ? (Object) actual : OMIT, detail);
  }

  /** Returns {@code ErrorBody()}: {@code <type text>[: <value>][: <detail>]}. */
  public String body() {
    StringBuilder s = new StringBuilder(type.text());
    if (type.printsValue() && value != OMIT) {
      s.append(": ").append(GoText.value(value));
    }
    if (!detail.isEmpty()) {
      s.append(": ").append(detail);
    }
    return s.toString();
  }

  /** Returns {@code Error()}: {@code <field>: <body>}. */
  public String message() {
    return field + ": " + body();
  }

  /** Returns this error at {@code prefix} + its field (for errors computed relative to a node). */
  public FieldError under(String prefix) {
    return new FieldError(type, Path.join(prefix, field), value, detail);
  }

  @Override
  public String toString() {
    return message();
  }
}

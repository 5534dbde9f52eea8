package io.gatehouse.auth.config;

import io.gatehouse.api.GoQuote;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One validation error, as apimachinery's {@code field.Error}; {@link #message()} is its {@code
 * Error()} text.
 *
 * <p>Immutable.
 *
 * @param type the error type
 * @param field the field path, e.g. {@code authorizers[0].name}
 * @param value the bad value as Go prints it ({@code %q} for strings), or null for types that print
 *     none
 * @param detail the detail, possibly empty
 */
public record FieldError(Type type, String field, @Nullable String value, String detail) {

  /** apimachinery's {@code field.ErrorType} with its text. */
  public enum Type {
    /** {@code Required value}. */
    REQUIRED("Required value"),
    /** {@code Invalid value}. */
    INVALID("Invalid value"),
    /** {@code Duplicate value}. */
    DUPLICATE("Duplicate value"),
    /** {@code Unsupported value}. */
    NOT_SUPPORTED("Unsupported value"),
    /** {@code Internal error}. */
    INTERNAL("Internal error"),
    /** {@code Too many}. */
    TOO_MANY("Too many");

    private final String text;

    Type(String text) {
      this.text = text;
    }

    /** Returns upstream's text, e.g. {@code Invalid value}. */
    public String text() {
      return text;
    }
  }

  static FieldError required(String field, String detail) {
    return new FieldError(Type.REQUIRED, field, null, detail);
  }

  static FieldError invalid(String field, String value, String detail) {
    return new FieldError(Type.INVALID, field, GoQuote.quote(value), detail);
  }

  /** An {@code Invalid value} whose value is already rendered as Go prints it. */
  static FieldError invalidRendered(String field, String rendered, String detail) {
    return new FieldError(Type.INVALID, field, rendered, detail);
  }

  static FieldError duplicate(String field, String value) {
    return new FieldError(Type.DUPLICATE, field, GoQuote.quote(value), "");
  }

  static FieldError notSupported(String field, String renderedValue, List<String> supported) {
    StringBuilder detail = new StringBuilder("supported values: ");
    for (int i = 0; i < supported.size(); i++) {
      detail.append(i > 0 ? ", " : "").append(GoQuote.quote(supported.get(i)));
    }
    return new FieldError(Type.NOT_SUPPORTED, field, renderedValue, detail.toString());
  }

  static FieldError tooMany(String field, int actual, int max) {
    return new FieldError(
        Type.TOO_MANY, field, Integer.toString(actual), "must have at most " + max + " items");
  }

  /** Returns {@code field.Error.Error()}: {@code <field>: <type>[: <value>][: <detail>]}. */
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

  /**
   * Joins errors as {@code field.ErrorList.ToAggregate().Error()}: one as itself, several as
   * {@code [a, b]}, duplicates dropped.
   */
  public static String aggregate(List<FieldError> errors) {
    return io.gatehouse.auth.Aggregate.message(errors.stream().map(FieldError::message).toList());
  }

  @Override
  public String toString() {
    return message();
  }
}

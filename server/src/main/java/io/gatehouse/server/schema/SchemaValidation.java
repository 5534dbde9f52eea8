package io.gatehouse.server.schema;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Validates a custom object against its version's {@code openAPIV3Schema} as apiextensions'
 * {@code ValidateCustomResource} does: kube-openapi's validator, its errors turned into field errors
 * by {@code kubeOpenAPIResultToFieldErrors} (a required field is {@code Required value}, an enum
 * failure {@code Unsupported value} listing the allowed values, {@code maxLength} {@code Too long},
 * {@code maxItems}/{@code maxProperties} {@code Too many}, a type mismatch {@code Invalid value} of
 * reason {@code FieldValueTypeInvalid}, anything else {@code Invalid value} with kube-openapi's
 * message; composite errors of {@code anyOf}/{@code oneOf}/{@code allOf}/{@code not} sit at the nil
 * path {@code <nil>}). Stateless; thread-safe.
 */
public final class SchemaValidation {

  private SchemaValidation() {}

  /** Returns the errors of {@code object} (the whole custom object) against {@code schema}. */
  public static List<FieldError> validate(JsonSchema schema, @Nullable Object object) {
    return validate(schema, object, null);
  }

  /**
   * Returns the errors of {@code value} against {@code schema}, their paths below {@code base}
   * ({@code null}: the nil path, as for a whole custom object).
   */
  public static List<FieldError> validate(JsonSchema schema, @Nullable Object value,
      @Nullable String base) {
    OpenApiResult result = OpenApiValidator.validate(schema, "", value);
    List<FieldError> out = new ArrayList<>();
    for (OpenApiError e : result.errors) {
      out.add(toFieldError(e, base));
    }
    return out;
  }

  private static FieldError toFieldError(OpenApiError e, @Nullable String base) {
    if (e.code() == OpenApiError.Code.COMPOSITE) {
      return FieldError.invalid(Path.print(base), "", e.message());
    }
    String name = e.name();
    String path = !name.isEmpty() && !name.equals(".")
        ? Path.child(base, name.startsWith(".") ? name.substring(1) : name) : Path.print(base);
    Object value = e.value() == null ? "" : e.value();
    return switch (e.code()) {
      case REQUIRED -> FieldError.required(path, "");
      case ENUM -> {
        List<String> values = new ArrayList<>();
        for (Object v : e.values()) {
          values.add(v instanceof String s ? s : GoText.json(v));
        }
        yield FieldError.notSupported(path, e.value(), values);
      }
      case TOO_LONG -> FieldError.tooLong(path, e.valid());
      case MAX_ITEMS, TOO_MANY_PROPERTIES ->
          FieldError.tooMany(path, e.value() instanceof Long l ? l : -1, e.valid());
      case INVALID_TYPE -> FieldError.typeInvalid(path, value, e.message());
      default -> FieldError.invalid(path, value, e.message());
    };
  }
}

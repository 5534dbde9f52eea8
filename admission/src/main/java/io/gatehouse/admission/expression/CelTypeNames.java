package io.gatehouse.admission.expression;

import dev.cel.common.types.CelType;
import dev.cel.common.values.NullValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Names CEL types as cel-go's {@code Type.String()} does, for messages such as {@code must
 * evaluate to bool but got int}. Stateless; thread-safe.
 */
public final class CelTypeNames {

  private CelTypeNames() {}

  /** Returns cel-go's name of a checked type: {@code int}, {@code list(string)}, {@code map(string, dyn)}. */
  public static String of(CelType type) {
    if (type.parameters().isEmpty()) {
      return type.name();
    }
    StringJoiner params = new StringJoiner(", ", type.name() + "(", ")");
    type.parameters().forEach(p -> params.add(of(p)));
    return params.toString();
  }

  /** Returns cel-go's name of the runtime type of {@code value} ({@code map}, {@code list}, …). */
  public static String ofValue(Object value) {
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "double";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof NullValue) {
      return "null_type";
    }
    if (value instanceof Map<?, ?>) {
      return "map";
    }
    if (value instanceof List<?>) {
      return "list";
    }
    if (value instanceof Optional<?>) {
      return "optional_type";
    }
    if (value instanceof com.google.common.primitives.UnsignedLong) {
      return "uint";
    }
    if (value instanceof com.google.protobuf.ByteString
        || value instanceof dev.cel.common.values.CelByteString) {
      return "bytes";
    }
    if (value instanceof java.time.Instant || value instanceof com.google.protobuf.Timestamp) {
      return "google.protobuf.Timestamp";
    }
    if (value instanceof java.time.Duration || value instanceof com.google.protobuf.Duration) {
      return "google.protobuf.Duration";
    }
    return value.getClass().getSimpleName();
  }
}

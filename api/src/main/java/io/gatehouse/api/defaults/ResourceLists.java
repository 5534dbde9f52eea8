package io.gatehouse.api.defaults;

import io.gatehouse.api.resource.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code SetDefaults_ResourceList}: every quantity of a resource list is rounded up (away from
 * zero) to milli precision. As the value then leaves the API server through Go's {@code
 * Quantity.String}, it is written back in canonical form ({@code 1000m} becomes {@code 1}, {@code
 * 0.5} becomes {@code 500m}). Values that are not quantities are left for validation. Stateless.
 */
final class ResourceLists {

  private static final int MILLI_SCALE = 3;

  private ResourceLists() {}

  /** Rounds the resource list at {@code key} of {@code parent}, if any. */
  static void round(@Nullable Map<String, @Nullable Object> parent, String key) {
    if (parent == null) {
      return;
    }
    Map<String, @Nullable Object> list = Fields.map(parent, key);
    if (list == null) {
      return;
    }
    for (Map.Entry<String, @Nullable Object> e : list.entrySet()) {
      String rounded = roundedText(e.getValue());
      if (rounded != null) {
        e.setValue(rounded);
      }
    }
  }

  /** The canonical text of {@code value} rounded up to milli scale, or null if not a quantity. */
  static @Nullable String roundedText(@Nullable Object value) {
    String text = switch (value) {
      case String s -> s.strip();
      case Long l -> Long.toString(l);
      case Double d -> BigDecimal.valueOf(d).toPlainString();
      case null, default -> null;
    };
    if (text == null) {
      return null;
    }
    Quantity q;
    try {
      q = Quantity.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
    BigDecimal exact = q.toBigDecimal();
    if (exact.stripTrailingZeros().scale() <= MILLI_SCALE) {
      return q.toString();
    }
    return Quantity.ofDecimal(exact.setScale(MILLI_SCALE, RoundingMode.UP), q.format()).toString();
  }
}

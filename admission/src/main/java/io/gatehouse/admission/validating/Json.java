package io.gatehouse.admission.validating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Lenient readers of decoded JSON: a value of the wrong type reads as absent. */
final class Json {

  private Json() {}

  static @Nullable Map<?, ?> map(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? m : null;
  }

  static Map<?, ?> mapOrEmpty(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  static List<Map<?, ?>> maps(@Nullable Object o) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      for (Object item : l) {
        out.add(item instanceof Map<?, ?> m ? m : Map.of());
      }
    }
    return out;
  }

  static List<String> strings(@Nullable Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      for (Object item : l) {
        out.add(item instanceof String s ? s : String.valueOf(item));
      }
    }
    return out;
  }

  static String string(@Nullable Object o) {
    return o instanceof String s ? s : "";
  }

  static @Nullable String stringOrNull(@Nullable Object o) {
    return o instanceof String s ? s : null;
  }
}

package io.gatehouse.server.patch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * RFC 7386 JSON merge patch: objects merge recursively, {@code null} removes a key, anything else
 * (arrays included) replaces. Stateless.
 */
public final class MergePatch {

  private MergePatch() {}

  /** Returns {@code target} with {@code patch} applied; neither argument is modified. */
  public static @Nullable Object apply(@Nullable Object target, @Nullable Object patch) {
    if (!(patch instanceof Map<?, ?> p)) {
      return Values.copy(patch);
    }
    Map<String, @Nullable Object> out = target instanceof Map<?, ?> t
        ? Values.copyMap(t) : new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : p.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (e.getValue() == null) {
        out.remove(key);
      } else {
        out.put(key, apply(out.get(key), e.getValue()));
      }
    }
    return out;
  }
}

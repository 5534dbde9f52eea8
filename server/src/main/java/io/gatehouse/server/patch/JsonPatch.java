package io.gatehouse.server.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * RFC 6902 JSON patch ({@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy},
 * {@code test}) with RFC 6901 pointers, applied in order to a copy; the first failing operation
 * aborts with evanphx/json-patch's wording (the library kube-apiserver uses). Stateless.
 */
public final class JsonPatch {

  private JsonPatch() {}

  /**
   * Applies {@code patch} (the decoded JSON array) to a copy of {@code document}.
   *
   * @throws PatchException for a malformed patch (bad request) or an operation that does not
   *     apply
   */
  public static @Nullable Object apply(@Nullable Object document, @Nullable Object patch) {
    if (!(patch instanceof List<?> ops)) {
      throw new PatchException("json: cannot unmarshal object into Go value of type "
          + "jsonpatch.Patch", true);
    }
    Object doc = Values.copy(document);
    for (Object o : ops) {
      if (!(o instanceof Map<?, ?> op)) {
        throw new PatchException("json: cannot unmarshal into Go value of type jsonpatch.Operation",
            true);
      }
      doc = applyOne(doc, op);
    }
    return doc;
  }

  private static @Nullable Object applyOne(@Nullable Object doc, Map<?, ?> op) {
    String kind = op.get("op") instanceof String s ? s : "unknown";
    String path = op.get("path") instanceof String s ? s : null;
    if (path == null) {
      throw new PatchException(kind + " operation failed to decode path: missing value", false);
    }
    List<String> tokens = Pointer.parse(path);
    switch (kind) {
      case "add" -> {
        requireValue(op, kind);
        return Pointer.add(doc, tokens, Values.copy(op.get("value")), path);
      }
      case "remove" -> {
        return Pointer.remove(doc, tokens, path);
      }
      case "replace" -> {
        requireValue(op, kind);
        if (!Pointer.exists(doc, tokens)) {
          throw new PatchException("replace operation does not apply: doc is missing key: "
              + path + ": missing value", false);
        }
        Object removed = Pointer.remove(doc, tokens, path);
        return Pointer.add(removed, tokens, Values.copy(op.get("value")), path);
      }
      case "move", "copy" -> {
        String from = op.get("from") instanceof String s ? s : null;
        if (from == null) {
          throw new PatchException(kind + " operation failed to decode from: missing value",
              false);
        }
        List<String> fromTokens = Pointer.parse(from);
        if (!Pointer.exists(doc, fromTokens)) {
          throw new PatchException("error in " + kind + " for path: " + Pointer.quote(from)
              + ": unable to get value at path: missing value", false);
        }
        Object value = Values.copy(Pointer.get(doc, fromTokens));
        Object base = kind.equals("move") ? Pointer.remove(doc, fromTokens, from) : doc;
        return Pointer.add(base, tokens, value, path);
      }
      case "test" -> {
        Object actual = Pointer.exists(doc, tokens) ? Pointer.get(doc, tokens) : null;
        boolean exists = Pointer.exists(doc, tokens);
        Object expected = op.get("value");
        if ((!exists && expected != null) || !Objects.equals(normalize(actual), normalize(expected))) {
          throw new PatchException("testing value " + path + " failed: test failed", false);
        }
        return doc;
      }
      default -> throw new PatchException("Unexpected kind: " + kind, false);
    }
  }

  private static void requireValue(Map<?, ?> op, String kind) {
    if (!op.containsKey("value")) {
      throw new PatchException(kind + " operation, missing value field: missing value", false);
    }
  }

  private static @Nullable Object normalize(@Nullable Object v) {
    if (v instanceof Long l) {
      return l.doubleValue();
    }
    if (v instanceof List<?> l) {
      List<@Nullable Object> out = new ArrayList<>();
      l.forEach(x -> out.add(normalize(x)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, @Nullable Object> out = new java.util.HashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), normalize(x)));
      return out;
    }
    return v;
  }
}

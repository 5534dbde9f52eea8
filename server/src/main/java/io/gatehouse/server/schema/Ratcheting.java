package io.gatehouse.server.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Validation ratcheting on update (feature CRDValidationRatcheting, on by default since 1.30): a
 * schema error is dropped when the node that reports it, or one of its ancestors, is unchanged
 * from the correlated node of the stored object. A {@code Required value} error is reported by
 * the object that lacks the field; errors at the nil path by the root. Stateless.
 */
public final class Ratcheting {

  private Ratcheting() {}

  /** Returns {@code errors} without the ratcheted ones. */
  public static List<FieldError> filter(List<FieldError> errors, Map<String, ?> object,
      Map<String, ?> old, @Nullable JsonSchema schema) {
    List<FieldError> out = new ArrayList<>();
    for (FieldError e : errors) {
      if (!ratcheted(e, object, old, schema)) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean ratcheted(FieldError e, Map<String, ?> object, Map<String, ?> old,
      @Nullable JsonSchema schema) {
    Correlation c = Correlation.root(object, old, schema);
    if (c.unchanged()) {
      return true;
    }
    String rest = e.field().equals(Path.NIL) ? "" : e.field();
    boolean parent = e.type() == FieldError.Type.REQUIRED;
    while (!rest.isEmpty() && c.correlated()) {
      String segment;
      if (rest.startsWith("[")) {
        int end = rest.indexOf(']');
        if (end < 0) {
          return false;
        }
        segment = rest.substring(1, end);
        rest = rest.substring(end + 1);
        JsonSchema s = c.schema();
        if (c.value() instanceof List<?>) {
          int i;
          try {
            i = Integer.parseInt(segment);
          } catch (NumberFormatException ex) {
            return false;
          }
          c = c.item(i, s == null ? null : s.items());
        } else {
          c = c.field(segment, s == null ? null : s.additionalPropertiesSchema());
        }
      } else {
        if (rest.startsWith(".")) {
          rest = rest.substring(1);
        }
        segment = fieldName(c.value(), rest);
        rest = rest.substring(segment.length());
        if (parent && rest.isEmpty()) {
          break;
        }
        JsonSchema s = c.schema();
        JsonSchema sub = s == null ? null : s.properties().get(segment);
        c = c.field(segment, sub != null ? sub : s == null ? null
            : s.additionalPropertiesSchema());
      }
      if (c.unchanged()) {
        return true;
      }
    }
    return false;
  }

  /** The longest key of {@code node} that {@code rest} starts with, else up to a separator. */
  private static String fieldName(@Nullable Object node, String rest) {
    String best = null;
    if (node instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        String key = String.valueOf(k);
        if (rest.startsWith(key) && (rest.length() == key.length()
            || rest.charAt(key.length()) == '.' || rest.charAt(key.length()) == '[')
            && (best == null || key.length() > best.length())) {
          best = key;
        }
      }
    }
    if (best != null) {
      return best;
    }
    int end = rest.length();
    for (char sep : new char[] {'.', '['}) {
      int i = rest.indexOf(sep);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return rest.substring(0, end);
  }
}

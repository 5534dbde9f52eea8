package io.gatehouse.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code fmt} {@code %#v} (Go-syntax) rendering of the few value shapes upstream puts into
 * error messages, e.g. a bad value of {@code field.Error} in Kubernetes 1.33, which prints
 * composite values this way ({@code []string{"a", "b"}}): strings quoted as {@link GoQuote},
 * elements and entries separated by {@code ", "}, map entries sorted by key as {@code fmt} sorts
 * them (Java's UTF-16 order, which differs from Go's byte order only for keys beyond U+FFFF), and
 * a nil slice or map printed as {@code []string(nil)}. Stateless and thread-safe.
 */
public final class GoSyntax {

  private GoSyntax() {}

  /** {@code %#v} of a {@code []string}; null is the nil slice. */
  public static String strings(@Nullable List<String> values) {
    return slice("[]string", values == null ? null : values.stream().map(GoQuote::quote).toList());
  }

  /**
   * {@code %#v} of a slice of type {@code type} whose elements are already rendered; null is the
   * nil slice.
   */
  public static String slice(String type, @Nullable List<String> renderedElements) {
    if (renderedElements == null) {
      return type + "(nil)";
    }
    return type + "{" + String.join(", ", renderedElements) + "}";
  }

  /**
   * The address Go's {@code %#v} prints for a non-nil pointer field. Real addresses vary per
   * process ({@code 0xc00…}); this fixed one stands in for them.
   */
  public static final String ADDRESS = "0xc000000000";

  /**
   * {@code %#v} of a pointer of type {@code *elemType} inside a composite value, where {@code fmt}
   * prints the address, not the pointee: {@code (*bool)(nil)} or {@code (*bool)(0xc000000000)}.
   */
  public static String pointer(String elemType, boolean present) {
    return "(*" + elemType + ")(" + (present ? ADDRESS : "nil") + ")";
  }

  /**
   * {@code %#v} of a struct value of type {@code type} (e.g. {@code v1.OwnerReference}) whose
   * fields, in declaration order, are already rendered: {@code type{Name:value, …}}.
   */
  public static String struct(String type, Map<String, String> renderedFields) {
    StringBuilder out = new StringBuilder(type).append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : renderedFields.entrySet()) {
      out.append(first ? "" : ", ").append(e.getKey()).append(':').append(e.getValue());
      first = false;
    }
    return out.append('}').toString();
  }

  /** {@code %#v} of a {@code map[string]string}; null is the nil map. */
  public static String stringMap(@Nullable Map<String, String> entries) {
    if (entries == null) {
      return "map[string]string(nil)";
    }
    StringBuilder out = new StringBuilder("map[string]string{");
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
      out.append(first ? "" : ", ").append(GoQuote.quote(e.getKey())).append(':')
          .append(GoQuote.quote(e.getValue()));
      first = false;
    }
    return out.append('}').toString();
  }
}

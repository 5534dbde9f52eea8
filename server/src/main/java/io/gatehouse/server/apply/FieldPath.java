package io.gatehouse.server.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * A path from the root of an object to one field or item (upstream's {@code fieldpath.Path}),
 * printed as upstream prints it in conflict messages: {@code .spec.replicas}, {@code
 * .spec.containers[name="web"].image}. Immutable.
 *
 * @param elements the steps, root first
 */
record FieldPath(List<PathElement> elements) {

  static final FieldPath ROOT = new FieldPath(List.of());

  FieldPath {
    elements = List.copyOf(elements);
  }

  /** Returns the path of field names {@code names}. */
  static FieldPath of(String... names) {
    List<PathElement> out = new ArrayList<>();
    for (String n : names) {
      out.add(new PathElement.FieldName(n));
    }
    return new FieldPath(out);
  }

  FieldPath child(PathElement pe) {
    List<PathElement> out = new ArrayList<>(elements.size() + 1);
    out.addAll(elements);
    out.add(pe);
    return new FieldPath(out);
  }

  boolean isEmpty() {
    return elements.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    elements.forEach(e -> sb.append(e.text()));
    return sb.toString();
  }
}

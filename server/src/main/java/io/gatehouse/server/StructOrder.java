package io.gatehouse.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON field order of one Go struct type of a built-in kind, as encoding/json writes it: the
 * fields in declaration order (rank 0, 1, …), and for each field how its value is ordered. Built
 * by {@link FieldOrderTable}; immutable once {@link #link linked}, so thread-safe to share.
 */
final class StructOrder {

  /** How a field's value is put in order. */
  enum Shape {
    /** Kept as it is: scalars, lists of scalars, and values Go writes from raw bytes. */
    KEEP,
    /** A struct, or a list of structs (also a schema-or-bool/-array value): ordered as its type. */
    STRUCT,
    /** A Go map: keys sorted; values kept. */
    MAP,
    /** A Go map of structs: keys sorted, each value ordered as its type. */
    MAP_OF_STRUCT
  }

  private final String name;
  private final String[] fields;
  private final Shape[] shapes;
  private final @Nullable StructOrder[] elements;
  private final Map<String, Integer> ranks;

  StructOrder(String name, List<String> fields, List<Shape> shapes) {
    this.name = name;
    this.fields = fields.toArray(String[]::new);
    this.shapes = shapes.toArray(Shape[]::new);
    this.elements = new StructOrder[this.fields.length];
    this.ranks = new HashMap<>(this.fields.length * 2);
    for (int i = 0; i < this.fields.length; i++) {
      ranks.put(this.fields[i], i);
    }
  }

  /** Sets the type of field {@code rank}'s structs (loading only, before the table is shared). */
  void link(int rank, StructOrder element) {
    elements[rank] = element;
  }

  /** The definition name, e.g. {@code io.k8s.api.core.v1.ConfigMap}. */
  String name() {
    return name;
  }

  /** How many declared fields there are; extra fields rank after them. */
  int size() {
    return fields.length;
  }

  /** The declaration rank of {@code field}, or {@link #size()} for a field the type lacks. */
  int rank(String field) {
    Integer r = ranks.get(field);
    return r == null ? fields.length : r;
  }

  String field(int rank) {
    return fields[rank];
  }

  Shape shape(int rank) {
    return shapes[rank];
  }

  /** The struct type of a {@link Shape#STRUCT} or {@link Shape#MAP_OF_STRUCT} field. */
  @Nullable StructOrder element(int rank) {
    return elements[rank];
  }

  @Override
  public String toString() {
    return name;
  }
}

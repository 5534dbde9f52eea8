package io.gatehouse.auth;

import java.util.List;

/** Formats several error texts as upstream's {@code utilerrors.NewAggregate(...).Error()}. */
public final class Aggregate {

  private Aggregate() {}

  /** Returns "" for none, the text for one, and {@code [a, b]} for several (duplicates removed). */
  public static String message(List<String> errors) {
    List<String> distinct = errors.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return "";
    }
    if (distinct.size() == 1) {
      return distinct.get(0);
    }
    return "[" + String.join(", ", distinct) + "]";
  }
}

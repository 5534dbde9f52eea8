package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** apimachinery's error aggregation ({@code utilerrors.NewAggregate}, {@code ToAggregate}). */
final class Aggregates {

  private Aggregates() {}

  /**
   * Returns the text of an aggregate of {@code messages}: the single message, or {@code [a, b]}
   * with duplicates dropped; empty for none.
   */
  static String message(List<String> messages) {
    if (messages.isEmpty()) {
      return "";
    }
    if (messages.size() == 1) {
      return messages.get(0);
    }
    Set<String> seen = new LinkedHashSet<>(messages);
    if (seen.size() == 1) {
      return seen.iterator().next();
    }
    return "[" + String.join(", ", seen) + "]";
  }

  /** Returns the aggregate text of field errors, as {@code ErrorList.ToAggregate().Error()}. */
  static String ofFieldErrors(List<FieldError> errors) {
    List<String> messages = new ArrayList<>(errors.size());
    for (FieldError e : errors) {
      messages.add(e.message());
    }
    return message(messages);
  }
}

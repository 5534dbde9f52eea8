package io.gatehouse.auth.serviceaccount;

import io.gatehouse.api.Unstructured;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The metadata the validators read from looked-up objects. Stateless. */
final class ObjectMeta {

  private ObjectMeta() {}

  /** The deletion timestamp, if set (an unparseable one counts as the epoch: long deleted). */
  static Optional<Instant> deletionTimestamp(Unstructured obj) {
    if (!(obj.metadata().get("deletionTimestamp") instanceof String s) || s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.of(Instant.EPOCH);
    }
  }

  /** Whether the object was deleted before {@code instant}. */
  static boolean deletedBefore(Unstructured obj, Instant instant) {
    return deletionTimestamp(obj).map(t -> t.isBefore(instant)).orElse(false);
  }
}

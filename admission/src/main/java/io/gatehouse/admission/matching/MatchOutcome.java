package io.gatehouse.admission.matching;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;

/** The outcome of matching a request against a {@link MatchResources}. */
public sealed interface MatchOutcome {

  /** The request is not matched. */
  record NoMatch() implements MatchOutcome {}

  /**
   * The request is matched.
   *
   * @param resource the matched resource: the request's own, or the equivalent one that matched
   * @param kind the kind of the matched resource
   */
  record Matched(GroupVersionResource resource, GroupVersionKind kind) implements MatchOutcome {}

  /**
   * Matching failed (a missing namespace, a bad selector, an unknown equivalent kind).
   *
   * @param message the error text as upstream's {@code err.Error()}
   */
  record Failed(String message) implements MatchOutcome {}

  /** The shared no-match outcome. */
  MatchOutcome NO_MATCH = new NoMatch();
}

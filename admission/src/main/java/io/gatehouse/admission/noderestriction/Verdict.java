package io.gatehouse.admission.noderestriction;

/** What one NodeRestriction check decided: nothing, a Forbidden reason, or a lister's NotFound. */
sealed interface Verdict {

  /** The request passes. */
  Verdict PASS = new Pass();

  /** Nothing to object to. */
  record Pass() implements Verdict {}

  /** @param reason the error upstream wraps in {@code NewForbidden} */
  record Forbidden(String reason) implements Verdict {}

  /**
   * A lister's NotFound, returned as is.
   *
   * @param resource the lister's singular resource ({@code pod}, {@code node})
   */
  record NotFound(String resource, String name) implements Verdict {}
}

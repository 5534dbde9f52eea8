package io.gatehouse.storage;

/** Argument checks every backend applies before touching its data. */
final class Arguments {

  private Arguments() {}

  /** Revisions to read or watch from, and compaction targets, are never negative. */
  static long requireRevision(long revision) {
    if (revision < 0) {
      throw new IllegalArgumentException("revision must not be negative: " + revision);
    }
    return revision;
  }

  /** A write's expected revision names an existing version, so it is positive. */
  static long requireExpectedRevision(long expectedRevision) {
    if (expectedRevision <= 0) {
      throw new IllegalArgumentException("expected revision must be positive: " + expectedRevision);
    }
    return expectedRevision;
  }
}

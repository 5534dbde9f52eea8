package io.gatehouse.server;

/**
 * The process's memory as one check of the {@link HeapTrimmer} sees it.
 *
 * @param committedBytes the heap memory committed by the JVM now
 * @param usedAfterGcBytes the heap in use right after the most recent collection (live data plus
 *     garbage not yet found, e.g. in an old generation only young collections have visited); the
 *     heap in use now when no collection has run yet
 * @param residentBytes the process's resident set size now (heap, C heap, code, stacks), or -1
 *     where the platform does not report it
 */
record MemorySample(long committedBytes, long usedAfterGcBytes, long residentBytes) {

  /** Returns how many committed bytes the last collection left unused (never negative). */
  long excessBytes() {
    return Math.max(0, committedBytes - usedAfterGcBytes);
  }
}

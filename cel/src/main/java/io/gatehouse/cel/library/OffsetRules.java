package io.gatehouse.cel.library;

/**
 * How cel-go's {@code indexOf(substr, offset)} and {@code lastIndexOf(substr, offset)} treat an
 * offset at or past the end of the receiver. cel-go changed this in v0.22 (google/cel-go#1052), so
 * the answer depends on the cel-go release the emulated Kubernetes server vendors.
 */
enum OffsetRules {
  /** cel-go up to v0.20 (Kubernetes 1.28–1.31): {@code index out of range: N}. */
  ERROR_PAST_END,
  /** cel-go v0.22 and v0.23 (Kubernetes 1.32–1.33): a non-empty search string is not found. */
  NOT_FOUND_PAST_END
}

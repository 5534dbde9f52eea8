package io.gatehouse.admission.podsecurity;

import java.util.List;

/**
 * One revision of a check, as upstream's {@code VersionedCheck}.
 *
 * @param minimumVersion the first policy version it applies to
 * @param fn the check
 * @param overrides the ids of baseline checks this restricted check replaces at the restricted
 *     level from this version on
 */
record VersionedCheck(Version minimumVersion, CheckFn fn, List<String> overrides) {

  /** Copies the overrides. */
  VersionedCheck {
    overrides = List.copyOf(overrides);
  }

  /** A revision from {@code v1.<minor>} that overrides nothing. */
  static VersionedCheck of(int minor, CheckFn fn) {
    return new VersionedCheck(Version.of(minor), fn, List.of());
  }

  /** A revision from {@code v1.<minor>} that overrides the baseline check {@code overridden}. */
  static VersionedCheck overriding(int minor, CheckFn fn, String overridden) {
    return new VersionedCheck(Version.of(minor), fn, List.of(overridden));
  }
}

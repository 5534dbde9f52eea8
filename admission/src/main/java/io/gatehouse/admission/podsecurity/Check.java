package io.gatehouse.admission.podsecurity;

import java.util.List;

/**
 * A Pod Security check as data, as upstream's {@code policy.Check}.
 *
 * @param id the check id, e.g. {@code capabilities_restricted}
 * @param level {@link Level#BASELINE} or {@link Level#RESTRICTED}
 * @param versions its revisions, by strictly increasing minimum version
 */
record Check(String id, Level level, List<VersionedCheck> versions) {

  /** Copies the versions. */
  Check {
    versions = List.copyOf(versions);
  }

  /** Returns a check from its revisions. */
  static Check of(String id, Level level, VersionedCheck... versions) {
    return new Check(id, level, List.of(versions));
  }
}

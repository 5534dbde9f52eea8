package io.gatehouse.api.catalog;

import java.util.List;

/**
 * One API group with its served versions, as discovery lists it.
 *
 * @param name the group name, empty for the core group (served at {@code /api})
 * @param versions its versions, preferred first (discovery's version priority order); never empty
 */
public record ApiGroup(String name, List<ApiGroupVersion> versions) {

  /**
   * Copies {@code versions}; immutable and thread-safe.
   *
   * @throws IllegalArgumentException if {@code versions} is empty
   */
  public ApiGroup {
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("API group \"" + name + "\" has no versions");
    }
  }

  /** Returns the preferred version: the first one. */
  public ApiGroupVersion preferredVersion() {
    return versions.get(0);
  }
}

package io.gatehouse.api.catalog;

import io.gatehouse.api.GroupVersion;
import java.util.List;

/**
 * The resources served in one group/version, as discovery lists them.
 *
 * @param groupVersion the group/version
 * @param resources its resources, by name
 */
public record ApiGroupVersion(GroupVersion groupVersion, List<ApiResource> resources) {

  /** Copies {@code resources}; immutable and thread-safe. */
  public ApiGroupVersion {
    resources = List.copyOf(resources);
  }
}

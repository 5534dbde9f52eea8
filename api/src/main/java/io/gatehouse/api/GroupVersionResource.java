package io.gatehouse.api;

/**
 * A group, version and resource (plural, lower case).
 *
 * @param group the API group, empty for core
 * @param version the version
 * @param resource the resource, e.g. {@code deployments}
 */
public record GroupVersionResource(String group, String version, String resource) {

  /** Returns the group and resource. */
  public GroupResource groupResource() {
    return new GroupResource(group, resource);
  }

  /** Returns the group/version part. */
  public GroupVersion groupVersion() {
    return new GroupVersion(group, version);
  }

  /** Formats as upstream's {@code GroupVersionResource.String()}: {@code apps/v1, Resource=deployments}. */
  @Override
  public String toString() {
    return (group.isEmpty() ? "" : group + "/") + version + ", Resource=" + resource;
  }
}

package io.gatehouse.api;

/**
 * An API group and version, e.g. {@code apps/v1}; the core group is the empty string.
 *
 * @param group the group, empty for core
 * @param version the version
 */
public record GroupVersion(String group, String version) {

  /**
   * Parses an {@code apiVersion} string: {@code v1} (core), {@code apps/v1}. A string with more
   * than one {@code /} yields the whole text as the version of an empty group, which no catalog
   * resolves.
   */
  public static GroupVersion parse(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    if (slash < 0 || apiVersion.indexOf('/', slash + 1) >= 0) {
      return new GroupVersion("", apiVersion);
    }
    return new GroupVersion(apiVersion.substring(0, slash), apiVersion.substring(slash + 1));
  }

  /** Returns the kind {@code kind} in this group/version. */
  public GroupVersionKind withKind(String kind) {
    return new GroupVersionKind(group, version, kind);
  }

  /** Returns the resource {@code resource} in this group/version. */
  public GroupVersionResource withResource(String resource) {
    return new GroupVersionResource(group, version, resource);
  }

  /** Returns the {@code apiVersion} form: {@code v1} or {@code apps/v1}. */
  @Override
  public String toString() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}

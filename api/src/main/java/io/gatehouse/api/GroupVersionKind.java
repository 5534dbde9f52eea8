package io.gatehouse.api;

/**
 * A group, version and kind.
 *
 * @param group the API group, empty for core
 * @param version the version
 * @param kind the kind, e.g. {@code Deployment}
 */
public record GroupVersionKind(String group, String version, String kind) {

  /** Returns the group/version part. */
  public GroupVersion groupVersion() {
    return new GroupVersion(group, version);
  }

  /** Returns the {@code apiVersion} string of this kind. */
  public String apiVersion() {
    return groupVersion().toString();
  }

  /** Formats as upstream's {@code GroupVersionKind.String()}: {@code apps/v1, Kind=Deployment}. */
  @Override
  public String toString() {
    return (group.isEmpty() ? "" : group + "/") + version + ", Kind=" + kind;
  }
}

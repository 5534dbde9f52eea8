package io.gatehouse.api;

/**
 * A group and resource.
 *
 * @param group the API group, empty for core
 * @param resource the resource, e.g. {@code deployments}
 */
public record GroupResource(String group, String resource) {

  /** Formats as upstream's {@code GroupResource.String()}: {@code deployments.apps}, {@code pods}. */
  @Override
  public String toString() {
    return group.isEmpty() ? resource : resource + "." + group;
  }
}

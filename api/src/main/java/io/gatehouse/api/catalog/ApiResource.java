package io.gatehouse.api.catalog;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import java.util.List;
import java.util.Optional;

/**
 * One resource served in one group/version, as discovery describes it.
 *
 * @param groupVersionResource group, version and plural name, e.g. {@code apps/v1 deployments}
 * @param singularName the singular name, e.g. {@code deployment}
 * @param kind the kind of its objects, in the same group/version
 * @param listKind the kind of its lists, e.g. {@code DeploymentList}
 * @param scope namespaced or cluster-scoped
 * @param verbs the verbs the resource supports, in discovery order
 * @param shortNames kubectl short names, e.g. {@code deploy}
 * @param categories categories, e.g. {@code all}
 * @param subresources its subresources, by name
 */
public record ApiResource(
    GroupVersionResource groupVersionResource,
    String singularName,
    GroupVersionKind kind,
    String listKind,
    Scope scope,
    List<String> verbs,
    List<String> shortNames,
    List<String> categories,
    List<Subresource> subresources) {

  /** Copies the lists; immutable and thread-safe. */
  public ApiResource {
    verbs = List.copyOf(verbs);
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    subresources = List.copyOf(subresources);
  }

  /** Returns the plural resource name, e.g. {@code deployments}. */
  public String name() {
    return groupVersionResource.resource();
  }

  /** Returns the group and plural name. */
  public GroupResource groupResource() {
    return groupVersionResource.groupResource();
  }

  /** Returns the group/version. */
  public GroupVersion groupVersion() {
    return groupVersionResource.groupVersion();
  }

  /** Returns whether the resource is namespaced. */
  public boolean namespaced() {
    return scope == Scope.NAMESPACED;
  }

  /** Returns the subresource called {@code name}, if the resource has one. */
  public Optional<Subresource> subresource(String name) {
    for (Subresource s : subresources) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}

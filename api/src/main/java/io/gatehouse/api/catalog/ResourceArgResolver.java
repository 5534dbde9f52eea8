package io.gatehouse.api.catalog;

import io.gatehouse.api.GroupVersionResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves a resource argument the way {@code kubectl auth can-i} does: {@code
 * schema.ParseResourceArg}, then client-go's shortcut expander over discovery's short names, then
 * the discovery {@code PriorityRESTMapper} (core v1 first, then groups and versions in discovery
 * order; the first group/version with a match wins, several matches there are ambiguous).
 *
 * <p>Stateless.
 */
final class ResourceArgResolver {

  private ResourceArgResolver() {}

  /** Resolves {@code arg} against {@code groups} (discovery order). */
  static Optional<ApiResource> resolve(List<ApiGroup> groups, String arg) {
    String lower = arg.toLowerCase(Locale.ROOT);
    if (lower.chars().filter(c -> c == '.').count() >= 2) {
      String[] parts = lower.split("\\.", 3);
      Optional<ApiResource> full =
          resourceFor(groups, new GroupVersionResource(parts[2], parts[1], parts[0]));
      if (full.isPresent()) {
        return full;
      }
    }
    int dot = lower.indexOf('.');
    GroupVersionResource partial =
        dot < 0
            ? new GroupVersionResource("", "", lower)
            : new GroupVersionResource(lower.substring(dot + 1), "", lower.substring(0, dot));
    return resourceFor(groups, partial);
  }

  private static Optional<ApiResource> resourceFor(List<ApiGroup> groups, GroupVersionResource r) {
    GroupVersionResource wanted = expand(groups, r);
    if (wanted.resource().isEmpty()) {
      return Optional.empty();
    }
    for (ApiGroup g : groups) {
      for (ApiGroupVersion gv : g.versions()) {
        List<ApiResource> hits = new ArrayList<>();
        for (ApiResource candidate : gv.resources()) {
          if (matches(candidate, wanted)) {
            hits.add(candidate);
          }
        }
        if (!hits.isEmpty()) {
          return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Matches as the per-group-version {@code DefaultRESTMapper.ResourcesFor}: plural or singular
   * name; a group alone matches as a prefix ({@code storageclasses.storage}), with a version
   * exactly.
   */
  private static boolean matches(ApiResource candidate, GroupVersionResource wanted) {
    if (!candidate.name().equals(wanted.resource())
        && !candidate.singularName().equals(wanted.resource())) {
      return false;
    }
    String group = candidate.groupVersion().group();
    String version = candidate.groupVersion().version();
    boolean hasGroup = !wanted.group().isEmpty();
    boolean hasVersion = !wanted.version().isEmpty();
    if (hasGroup && hasVersion) {
      return group.equals(wanted.group()) && version.equals(wanted.version());
    }
    if (hasGroup) {
      return group.startsWith(wanted.group());
    }
    return !hasVersion || version.equals(wanted.version());
  }

  /**
   * The shortcut expander: an exact plural or singular name is kept; else a short name (in the
   * given group, if any) becomes its resource and group; else, with a group, a short name in a
   * group it prefixes.
   */
  private static GroupVersionResource expand(List<ApiGroup> groups, GroupVersionResource r) {
    for (ApiGroup g : groups) {
      if (!r.group().isEmpty() && !r.group().equals(g.name())) {
        continue;
      }
      for (ApiGroupVersion gv : g.versions()) {
        for (ApiResource res : gv.resources()) {
          if (r.resource().equals(res.name()) || r.resource().equals(res.singularName())) {
            return r;
          }
        }
      }
    }
    Optional<GroupVersionResource> exact = shortcut(groups, r, false);
    if (exact.isPresent() || r.group().isEmpty()) {
      return exact.orElse(r);
    }
    return shortcut(groups, r, true).orElse(r);
  }

  private static Optional<GroupVersionResource> shortcut(
      List<ApiGroup> groups, GroupVersionResource r, boolean groupPrefix) {
    for (ApiGroup g : groups) {
      boolean groupOk =
          groupPrefix
              ? g.name().startsWith(r.group())
              : r.group().isEmpty() || r.group().equals(g.name());
      if (!groupOk) {
        continue;
      }
      for (ApiGroupVersion gv : g.versions()) {
        for (ApiResource res : gv.resources()) {
          if (res.shortNames().contains(r.resource())) {
            return Optional.of(new GroupVersionResource(g.name(), r.version(), res.name()));
          }
        }
      }
    }
    return Optional.empty();
  }
}

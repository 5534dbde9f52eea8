package io.gatehouse.cli;

import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@code VERB RESOURCE [NAME]} into authorizer attributes as {@code kubectl auth can-i}
 * does: a first argument starting with {@code /} is a non-resource URL; otherwise the resource is
 * resolved through the catalog ({@code TYPE/NAME} accepted), {@code *} stays {@code *}, and an
 * unknown resource is used as given after kubectl's warning. Unlike kubectl, which sends its
 * current namespace for every resource, a cluster-scoped resource is asked about without a
 * namespace, as the API server would see a real request; namespaced ones default to {@code
 * default}.
 */
final class AuthRequest {

  /** kubectl's names that are not resources but are still asked about silently. */
  private static final Set<String> NON_STANDARD_RESOURCE_NAMES = Set.of("users", "groups");

  private AuthRequest() {}

  static RequestAttributes of(
      AuthRequestOptions o, ResourceCatalog catalog, UserInfo user, PrintWriter err) {
    List<String> args = o.args;
    if (args.size() < 2 || args.size() > 3) {
      throw new UsageException(
          "you must specify two or three arguments: verb, resource, and optional resourceName");
    }
    String verb = args.get(0);
    String target = args.get(1);
    if (target.startsWith("/")) {
      if (!o.subresource.isEmpty()) {
        throw new UsageException("--subresource can not be used with NonResourceURL");
      }
      if (args.size() == 3) {
        throw new UsageException("NonResourceURL and ResourceName can not specified together");
      }
      return RequestAttributes.nonResource(user, verb, target);
    }
    String name = args.size() == 3 ? args.get(2) : "";
    String resourceArg = target;
    if (args.size() == 2 && target.contains("/")) {
      resourceArg = target.substring(0, target.indexOf('/'));
      name = target.substring(target.indexOf('/') + 1);
    }
    String group = "";
    String version = "";
    String resource = resourceArg;
    boolean namespaced = true;
    if (!resourceArg.equals("*")) {
      Optional<ApiResource> resolved = catalog.resolve(resourceArg);
      if (resolved.isPresent()) {
        ApiResource r = resolved.get();
        group = r.groupVersion().group();
        version = r.groupVersion().version();
        resource = r.name();
        namespaced = r.namespaced();
      } else {
        warnUnknown(resourceArg, err);
      }
    }
    String namespace = namespaced ? (o.namespace == null ? "default" : o.namespace) : "";
    return RequestAttributes.resource(
        user, verb, namespace, group, version, resource, o.subresource, name);
  }

  private static void warnUnknown(String arg, PrintWriter err) {
    String lower = arg.toLowerCase(Locale.ROOT);
    int dot = lower.indexOf('.');
    String resource = dot < 0 ? lower : lower.substring(0, dot);
    String group = dot < 0 ? "" : lower.substring(dot + 1);
    if (NON_STANDARD_RESOURCE_NAMES.contains(group.isEmpty() ? resource : resource + "." + group)) {
      return;
    }
    err.println(group.isEmpty()
        ? "Warning: the server doesn't have a resource type '" + resource + "'"
        : "Warning: the server doesn't have a resource type '" + resource + "' in group '" + group + "'");
  }
}

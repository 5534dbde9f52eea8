package io.gatehouse.server.openapi;

import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.Subresource;
import io.gatehouse.server.openapi.Operation.Body;
import io.gatehouse.server.openapi.Operation.Parameter;
import io.gatehouse.server.openapi.Operation.PathItem;
import io.gatehouse.server.openapi.Operation.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paths and operations kube-apiserver's installer publishes for one resource: the collection
 * (list, create, deletecollection), the object (read, replace, delete, patch), the served
 * subresources (read, replace, patch), the all-namespaces list of namespaced resources and the
 * deprecated {@code /watch/} paths, each only for the verbs the resource supports. Operation ids
 * follow upstream ({@code <verb><Group><Version>[Namespaced]<Kind>[<Subresource>][suffix]}, e.g.
 * {@code listCoreV1PodForAllNamespaces}). Stateless.
 */
final class ResourcePaths {

  static final String STATUS = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";
  static final String DELETE_OPTIONS = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions";
  static final String PATCH = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";
  static final String WATCH_EVENT = "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent";
  static final String RESOURCE_LIST = "io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList";

  private static final Response UNAUTHORIZED = new Response("Unauthorized", null);

  private ResourcePaths() {}

  /** Returns the {@code /api/v1/} or {@code /apis/<group>/<version>/} discovery path. */
  static PathItem discovery(GroupVersion gv) {
    Operation op = new Operation("get", "get" + camel(gv) + "APIResources",
        "get available resources", tag(gv), "", null, List.of(), null,
        responses("200", new Response("OK", RESOURCE_LIST)));
    return new PathItem(root(gv) + "/", List.of(), List.of(op));
  }

  /** Returns the paths of {@code p}, in path order. */
  static List<PathItem> of(PublishedResource p) {
    ApiResource r = p.resource();
    GroupVersion gv = r.groupVersion();
    GroupVersionKind gvk = r.kind();
    String kind = gvk.kind();
    String ns = r.namespaced() ? "Namespaced" : "";
    String collection = root(gv) + (r.namespaced() ? "/namespaces/{namespace}/" : "/") + r.name();
    List<Parameter> scope = r.namespaced() ? List.of(Parameters.NAMESPACE) : List.of();
    Ids ids = new Ids(camel(gv), tag(gv), gvk);
    List<PathItem> out = new ArrayList<>();

    List<Operation> coll = new ArrayList<>();
    if (r.verbs().contains("list")) {
      coll.add(ids.op("get", "list", ns + kind, "", "list or watch objects of kind " + kind,
          "list", Parameters.LIST, null, responses("200", ok(p.listDefinition()))));
    }
    if (r.verbs().contains("create")) {
      coll.add(ids.op("post", "create", ns + kind, "", "create " + article(kind) + " " + kind,
          "post", Parameters.WRITE, new Body(p.kindDefinition(), true, List.of("*/*")),
          responses("200", ok(p.kindDefinition()), "201",
              new Response("Created", p.kindDefinition()), "202",
              new Response("Accepted", p.kindDefinition()))));
    }
    if (r.verbs().contains("deletecollection")) {
      coll.add(ids.op("delete", "delete", "Collection" + ns + kind, "",
          "delete collection of " + kind, "deletecollection", Parameters.DELETE_COLLECTION,
          new Body(DELETE_OPTIONS, false, List.of("*/*")), responses("200", ok(STATUS))));
    }
    add(out, collection, concat(scope, List.of(Parameters.PRETTY)), coll);

    List<Parameter> objectParams =
        concat(List.of(Parameters.name(kind)), scope, List.of(Parameters.PRETTY));
    add(out, collection + "/{name}", objectParams,
        objectOps(p, ids, ns + kind, "", p.kindDefinition()));
    for (Map.Entry<String, String> e : p.subresources().entrySet()) {
      String sub = e.getKey();
      Subresource s = r.subresource(sub).orElseThrow(() ->
          new IllegalArgumentException(r.name() + " has no subresource " + sub));
      String suffix = Character.toUpperCase(sub.charAt(0)) + sub.substring(1);
      Ids subIds = new Ids(ids.camel(), ids.tag(), s.kind());
      List<Operation> ops = objectOps(p, subIds, ns + kind, suffix, e.getValue()).stream()
          .filter(o -> s.verbs().contains(verbOf(o.method()))).toList();
      add(out, collection + "/{name}/" + sub, objectParams, ops);
    }

    if (r.namespaced() && r.verbs().contains("list")) {
      add(out, root(gv) + "/" + r.name(), List.of(Parameters.PRETTY), List.of(ids.op("get",
          "list", kind + "ForAllNamespaces", "", "list or watch objects of kind " + kind, "list",
          Parameters.LIST, null, responses("200", ok(p.listDefinition())))));
    }
    if (r.verbs().contains("watch")) {
      String watchColl = root(gv) + "/watch" + collection.substring(root(gv).length());
      List<Parameter> watchParams = concat(Parameters.LIST, List.of(Parameters.PRETTY));
      add(out, watchColl, concat(scope, watchParams), List.of(ids.op("get", "watch",
          ns + kind + "List", "", "watch individual changes to a list of " + kind
              + ". deprecated: use the 'watch' parameter with a list operation instead.",
          "watchlist", List.of(), null, responses("200", ok(WATCH_EVENT)))));
      add(out, watchColl + "/{name}", concat(List.of(Parameters.name(kind)), scope, watchParams),
          List.of(ids.op("get", "watch", ns + kind, "", "watch changes to an object of kind "
              + kind + ". deprecated: use the 'watch' parameter with a list operation instead, "
              + "filtered to a single item with the 'fieldSelector' parameter.", "watch",
              List.of(), null, responses("200", ok(WATCH_EVENT)))));
      if (r.namespaced()) {
        add(out, root(gv) + "/watch/" + r.name(), watchParams, List.of(ids.op("get", "watch",
            kind + "ListForAllNamespaces", "", "watch individual changes to a list of " + kind
                + ". deprecated: use the 'watch' parameter with a list operation instead.",
            "watchlist", List.of(), null, responses("200", ok(WATCH_EVENT)))));
      }
    }
    return out;
  }

  private static List<Operation> objectOps(PublishedResource p, Ids ids, String target,
      String sub, String definition) {
    ApiResource r = p.resource();
    String kind = r.kind().kind();
    String what = sub.isEmpty() ? "the specified " + kind
        : sub.toLowerCase(Locale.ROOT) + " of the specified " + kind;
    boolean subresource = !sub.isEmpty();
    List<Operation> ops = new ArrayList<>();
    if (subresource || r.verbs().contains("get")) {
      ops.add(ids.op("get", "read", target, sub, "read " + what, "get", List.of(), null,
          responses("200", ok(definition))));
    }
    if (subresource || r.verbs().contains("update")) {
      ops.add(ids.op("put", "replace", target, sub, "replace " + what, "put",
          Parameters.WRITE, new Body(definition, true, List.of("*/*")),
          responses("200", ok(definition), "201",
              new Response("Created", definition))));
    }
    if (!subresource && r.verbs().contains("delete")) {
      ops.add(ids.op("delete", "delete", target, "", "delete " + article(kind) + " " + kind,
          "delete", Parameters.DELETE, new Body(DELETE_OPTIONS, false, List.of("*/*")),
          responses("200", ok(STATUS), "202", new Response("Accepted", STATUS))));
    }
    if (subresource || r.verbs().contains("patch")) {
      ops.add(ids.op("patch", "patch", target, sub, "partially update " + what, "patch",
          Parameters.PATCH, new Body(PATCH, true, p.patchTypes()),
          responses("200", ok(definition), "201",
              new Response("Created", definition))));
    }
    return ops;
  }

  /** Builds the operations of one resource. */
  private record Ids(String camel, String tag, GroupVersionKind gvk) {
    Operation op(String method, String verb, String target, String sub, String description,
        String action, List<Parameter> params, Body body, Map<String, Response> responses) {
      return new Operation(method, verb + camel + target + sub, description, tag, action, gvk,
          params, body, responses);
    }
  }

  private static String verbOf(String method) {
    return switch (method) {
      case "get" -> "get";
      case "put" -> "update";
      case "patch" -> "patch";
      default -> method;
    };
  }

  private static void add(List<PathItem> out, String path, List<Parameter> params,
      List<Operation> ops) {
    if (!ops.isEmpty()) {
      out.add(new PathItem(path, params, ops));
    }
  }

  private static Map<String, Response> responses(Object... codeAndResponse) {
    Map<String, Response> m = new LinkedHashMap<>();
    for (int i = 0; i < codeAndResponse.length; i += 2) {
      m.put((String) codeAndResponse[i], (Response) codeAndResponse[i + 1]);
    }
    m.put("401", UNAUTHORIZED);
    return m;
  }

  private static Response ok(String definition) {
    return new Response("OK", definition);
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T>... lists) {
    List<T> out = new ArrayList<>();
    for (List<T> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  private static String article(String kind) {
    return "AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an" : "a";
  }

  /** {@code /api/v1} or {@code /apis/<group>/<version>}. */
  static String root(GroupVersion gv) {
    return gv.group().isEmpty() ? "/api/" + gv.version() : "/apis/" + gv.group() + "/" + gv.version();
  }

  /** The document key of a group/version: {@code api/v1} or {@code apis/<group>/<version>}. */
  static String key(GroupVersion gv) {
    return root(gv).substring(1);
  }

  /** {@code core_v1}, {@code rbacAuthorization_v1}. */
  static String tag(GroupVersion gv) {
    String c = groupCamel(gv.group());
    return Character.toLowerCase(c.charAt(0)) + c.substring(1) + "_" + gv.version();
  }

  /** {@code CoreV1}, {@code RbacAuthorizationV1}, {@code AdmissionregistrationV1beta1}. */
  static String camel(GroupVersion gv) {
    return groupCamel(gv.group()) + Character.toUpperCase(gv.version().charAt(0))
        + gv.version().substring(1);
  }

  private static String groupCamel(String group) {
    if (group.isEmpty()) {
      return "Core";
    }
    String g = group.endsWith(".k8s.io") ? group.substring(0, group.length() - 7) : group;
    StringBuilder sb = new StringBuilder();
    for (String part : g.split("[.-]")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }
}

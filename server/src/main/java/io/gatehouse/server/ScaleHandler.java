package io.gatehouse.server;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.selector.InvalidSelectorException;
import io.gatehouse.api.selector.LabelSelector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code scale} subresource of the built-in workloads (Deployments, ReplicaSets, StatefulSets
 * and ReplicationControllers), as their upstream scale REST storage: GET answers an {@code
 * autoscaling/v1} Scale built from the parent (name, namespace, uid, resourceVersion,
 * creationTimestamp; {@code spec.replicas}; {@code status.replicas} and the selector as a string);
 * PUT and PATCH (JSON, merge or strategic merge patch of the Scale) change only the parent's
 * {@code spec.replicas}, with the Scale's resourceVersion as the parent's precondition and
 * admission seeing Scale objects for the {@code scale} subresource. Thread-safe.
 */
final class ScaleHandler {

  private static final GroupVersionKind SCALE = new GroupVersionKind("autoscaling", "v1", "Scale");
  private static final Set<GroupResource> SCALABLE = Set.of(
      new GroupResource("apps", "deployments"), new GroupResource("apps", "replicasets"),
      new GroupResource("apps", "statefulsets"), new GroupResource("", "replicationcontrollers"));

  private final ResourceTable resources;
  private final Registry registry;
  private final Function<UserInfo, WriteAdmission> admission;

  ScaleHandler(ResourceTable resources, Registry registry,
      Function<UserInfo, WriteAdmission> admission) {
    this.resources = resources;
    this.registry = registry;
    this.admission = admission;
  }

  /** Returns whether the scale subresource of {@code resource} is served. */
  static boolean scalable(GroupResource resource) {
    return SCALABLE.contains(resource);
  }

  /** Returns the response, or empty when the request is not for a workload's scale. */
  Optional<ApiResponse> handle(ApiRequest request) {
    RequestInfo info = request.requestInfo();
    if (info == null || !info.resourceRequest() || !info.subresource().equals("scale")
        || info.namespace().isEmpty() || info.name().isEmpty()) {
      return Optional.empty();
    }
    Optional<StoredResource> found = resources.resource(
        new GroupVersionResource(info.apiGroup(), info.apiVersion(), info.resource()));
    if (found.isEmpty() || !SCALABLE.contains(found.get().groupResource())) {
      return Optional.empty();
    }
    StoredResource r = found.get();
    UserInfo user = request.user();
    WriteAdmission admit = user == null ? WriteAdmission.NONE : admission.apply(user);
    String ns = info.namespace();
    String name = info.name();
    return Optional.of(switch (info.verb()) {
      case "get" -> ApiResponse.json(200, scaleOf(registry.get(r, ns, name)));
      case "update" -> write(request, "UpdateOptions", r, ns, name, admit,
          old -> decode(request));
      case "patch" -> write(request, "PatchOptions", r, ns, name, admit,
          old -> patch(request, r, old, name));
      default -> throw ApiErrors.methodNotAllowed(info.verb(), r.groupResource());
    });
  }

  private ApiResponse write(ApiRequest request, String options, StoredResource r, String ns,
      String name, WriteAdmission admit,
      Function<Map<String, @Nullable Object>, Map<String, @Nullable Object>> newScale) {
    if (options.equals("PatchOptions")) {
      patchType(request);
    }
    FieldManagement.manager(request, options);
    boolean dryRun = !request.query().getOrDefault("dryRun", List.of()).isEmpty();
    WriteAdmission onScales = w -> admit.validate(new WriteRequest(w.resource(), "scale",
        w.operation(), w.namespace(), w.name(),
        w.object() == null ? null : Unstructured.wrap(scaleOf(w.object())),
        w.oldObject() == null ? null : Unstructured.wrap(scaleOf(w.oldObject())), w.dryRun(),
        SCALE));
    Registry.Written written = registry.update(r, ns, name, "scale", parent -> {
      Map<String, @Nullable Object> scale = newScale.apply(scaleOf(parent));
      long replicas = validate(scale, name);
      Map<String, @Nullable Object> spec = parent.object().get("spec") instanceof Map<?, ?> m
          ? castMap(m) : new LinkedHashMap<>();
      spec.put("replicas", replicas);
      parent.object().put("spec", spec);
      Object rv = castMap(scale.get("metadata") instanceof Map<?, ?> m ? m : Map.of())
          .get("resourceVersion");
      if (rv instanceof String s && !s.isEmpty()) {
        parent.metadataForWrite().put("resourceVersion", s);
      } else {
        parent.metadataForWrite().remove("resourceVersion");
      }
      return parent;
    }, dryRun, onScales);
    return ApiResponse.json(200, scaleOf(written.object()));
  }

  private static Map<String, @Nullable Object> decode(ApiRequest request) {
    BodyDecoder.Decoded decoded = RequestBodies.object(request, SCALE, gvk -> gvk.equals(SCALE));
    Map<String, @Nullable Object> body = BodyDecoder.object(decoded);
    Unstructured u = Unstructured.wrap(body);
    if (!u.kind().isEmpty() && !u.groupVersionKind().equals(SCALE)) {
      throw StatusException.badRequest("the API version in the data (" + u.apiVersion()
          + ") does not match the expected API version (autoscaling/v1)");
    }
    return body;
  }

  private static Map<String, @Nullable Object> patch(ApiRequest request, StoredResource r,
      Map<String, @Nullable Object> current, String name) {
    String type = patchType(request);
    BodyDecoder.Decoded decoded = BodyDecoder.decode(request.body(), "application/json");
    String strategic = "application/strategic-merge-patch+json";
    Unstructured patched = Patches.apply(type.equals(strategic)
        ? "application/merge-patch+json" : type, Unstructured.wrap(current), decoded.value(), r,
        name);
    return patched.object();
  }

  /** The patch's media type; 415 for apply and unknown types, which the scale does not take. */
  private static String patchType(ApiRequest request) {
    String contentType = request.headers().first("Content-Type");
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    if (!Patches.SUPPORTED.contains(type) || type.equals(ApplyPatch.YAML)) {
      throw ApiErrors.unsupportedMediaType(Patches.SUPPORTED.subList(0, 3));
    }
    return type;
  }

  /** Checks the Scale as upstream's ValidateScale does; returns its replicas. */
  private static long validate(Map<String, @Nullable Object> scale, String name) {
    Unstructured u = Unstructured.wrap(scale);
    if (!u.name().equals(name)) {
      throw StatusException.badRequest("the name of the object (" + u.name()
          + ") does not match the name on the URL (" + name + ")");
    }
    Object spec = scale.get("spec");
    Object replicas = spec instanceof Map<?, ?> m ? m.get("replicas") : null;
    long value = replicas instanceof Number n ? n.longValue() : 0;
    if (value < 0) {
      throw ApiErrors.invalid("autoscaling", "Scale", name, List.of(ApiErrors.FieldError.invalid(
          "spec.replicas", Long.toString(value), "must be greater than or equal to 0")));
    }
    return value;
  }

  /** The Scale of a workload, as the upstream scale storage builds it. */
  static Map<String, @Nullable Object> scaleOf(Unstructured parent) {
    Map<String, @Nullable Object> meta = new LinkedHashMap<>();
    for (String k : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (parent.metadata().get(k) != null) {
        meta.put(k, parent.metadata().get(k));
      }
    }
    Map<?, ?> spec = parent.object().get("spec") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> status = parent.object().get("status") instanceof Map<?, ?> m ? m : Map.of();
    Map<String, @Nullable Object> scaleSpec = new LinkedHashMap<>();
    if (spec.get("replicas") instanceof Number n && n.longValue() != 0) {
      scaleSpec.put("replicas", n.longValue());
    }
    Map<String, @Nullable Object> scaleStatus = new LinkedHashMap<>();
    scaleStatus.put("replicas", status.get("replicas") instanceof Number n ? n.longValue() : 0L);
    String selector = selector(parent.kind(), spec.get("selector"));
    if (!selector.isEmpty()) {
      scaleStatus.put("selector", selector);
    }
    Map<String, @Nullable Object> scale = new LinkedHashMap<>();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    scale.put("metadata", meta);
    scale.put("spec", scaleSpec);
    scale.put("status", scaleStatus);
    return scale;
  }

  /**
   * The selector as {@code labels.Selector.String()} prints it: requirements sorted by key,
   * {@code k=v}, {@code k in (a,b)}, {@code k notin (a)}, {@code k}, {@code !k}. A
   * ReplicationController's selector is a plain label map.
   */
  private static String selector(String kind, @Nullable Object selector) {
    LabelSelector parsed;
    try {
      parsed = kind.equals("ReplicationController") && selector instanceof Map<?, ?> m
          ? LabelSelector.of(stringMap(m)) : LabelSelector.parse(selector);
    } catch (InvalidSelectorException e) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (LabelSelector.Requirement req : parsed.requirements()) {
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      switch (req.operator()) {
        case EQUALS -> sb.append(req.key()).append('=').append(req.values().iterator().next());
        case IN -> sb.append(req.key()).append(" in (").append(String.join(",", req.values()))
            .append(')');
        case NOT_IN -> sb.append(req.key()).append(" notin (")
            .append(String.join(",", req.values())).append(')');
        case EXISTS -> sb.append(req.key());
        case DOES_NOT_EXIST -> sb.append('!').append(req.key());
      }
    }
    return sb.toString();
  }

  private static Map<String, String> stringMap(Map<?, ?> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> castMap(Map<?, ?> m) {
    return (Map<String, @Nullable Object>) m;
  }
}

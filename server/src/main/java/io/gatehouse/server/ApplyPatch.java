package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.server.apply.FieldManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}), as kube-apiserver's
 * patch handler runs it: options validated, the configuration decoded as YAML (or JSON), applied
 * to the stored object with retries on concurrent writes, or — for the main resource of an object
 * that does not exist — applied to an empty object and created (201), which also needs {@code
 * create} permission. The result's name and namespace must match the URL. Thread-safe.
 */
final class ApplyPatch {

  static final String YAML = "application/apply-patch+yaml";
  private static final int MAX_CREATE_ATTEMPTS = 5;

  private final Registry registry;
  private final FieldManagement fields;
  private final @Nullable Authorizer createAuthorizer;

  /**
   * @param createAuthorizer asked whether the user may create when an apply creates; null when
   *     the caller has no authorizer (tests)
   */
  ApplyPatch(Registry registry, FieldManagement fields, @Nullable Authorizer createAuthorizer) {
    this.registry = registry;
    this.fields = fields;
    this.createAuthorizer = createAuthorizer;
  }

  ApiResponse apply(ApiRequest request, StoredResource r, String ns, String name, String sub,
      boolean dryRun, WriteAdmission admit) {
    return apply(request, r, ns, name, sub, dryRun, admit, update -> update, created -> { });
  }

  /**
   * Applies, with the caller's checks of the result (RBAC escalation prevention) before the
   * registry stores it.
   *
   * @param guardUpdate wraps the function that computes the updated object
   * @param guardCreate checks the object an apply creates
   */
  ApiResponse apply(ApiRequest request, StoredResource r, String ns, String name, String sub,
      boolean dryRun, WriteAdmission admit,
      java.util.function.UnaryOperator<java.util.function.UnaryOperator<Unstructured>> guardUpdate,
      java.util.function.Consumer<Unstructured> guardCreate) {
    FieldManagement.ApplyOptions options = FieldManagement.applyOptions(request);
    Map<String, @Nullable Object> config = decode(request.body());
    BehaviorRequests.pruneConfiguration(r, config);
    boolean pinned = config.get("metadata") instanceof Map<?, ?> m
        && m.containsKey("resourceVersion");
    FieldManager fm = fields.forResource(r, sub);
    for (int attempt = 0; ; attempt++) {
      try {
        Registry.Written w = registry.update(r, ns, name, sub, guardUpdate.apply(old -> {
          Unstructured out = fm.apply(old, config, options.manager(), options.force());
          BehaviorRequests.decodeApplied(r, request, out);
          checkName(out, name, ns);
          if (!pinned) {
            out.metadataForWrite().remove("resourceVersion");
          }
          return out;
        }), dryRun, admit);
        return ResourceHandler.withWarnings(ApiResponse.json(200, w.object().object()),
            w.warnings());
      } catch (StatusException e) {
        if (!sub.isEmpty() || !missing(e, r, name)) {
          throw e;
        }
      }
      Unstructured created = fm.apply(null, config, options.manager(), options.force());
      BehaviorRequests.decodeApplied(r, request, created);
      if (!created.uid().isEmpty()) {
        throw ApiErrors.conflict(r.groupResource(), name, "uid mismatch: the provided object "
            + "specified uid " + created.uid() + ", and no existing object was found");
      }
      checkName(created, name, ns);
      if (r.namespaced()) {
        created.setNamespace(ns);
      } else {
        created.metadataForWrite().remove("namespace");
      }
      authorizeCreate(request, ns, name);
      guardCreate.accept(created);
      try {
        Registry.Written w = registry.create(r, created, dryRun, admit);
        return ResourceHandler.withWarnings(ApiResponse.json(201, w.object().object()),
            w.warnings());
      } catch (StatusException e) {
        if (e.status().code() != 409 || attempt >= MAX_CREATE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static boolean missing(StatusException e, StoredResource r, String name) {
    return e.status().code() == 404 && e.status().details() != null
        && e.status().details().name().equals(name)
        && e.status().details().kind().equals(r.groupResource().resource());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> decode(byte[] body) {
    Object value;
    try {
      value = BodyDecoder.decode(body, YAML).value();
    } catch (StatusException e) {
      throw StatusException.badRequest("error decoding YAML: " + e.status().message());
    }
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw StatusException.badRequest("error decoding YAML: error unmarshaling JSON: while "
          + "decoding JSON: json: cannot unmarshal " + (value instanceof List<?> ? "array"
          : value instanceof String ? "string" : value instanceof Boolean ? "bool" : "number")
          + " into Go value of type map[string]interface {}");
    }
    return (Map<String, @Nullable Object>) m;
  }

  /** Upstream's {@code checkName}. */
  private static void checkName(Unstructured obj, String name, String ns) {
    if (obj.name().isEmpty()) {
      throw StatusException.badRequest("the name of the object (" + name + " based on URL) was "
          + "undeterminable: name must be provided");
    }
    if (!obj.name().equals(name)) {
      throw StatusException.badRequest("the name of the object (" + obj.name() + ") does not "
          + "match the name on the URL (" + name + ")");
    }
    if (!ns.isEmpty() && !obj.namespace().isEmpty() && !obj.namespace().equals(ns)) {
      throw StatusException.badRequest("the namespace of the object (" + obj.namespace()
          + ") does not match the namespace on the request (" + ns + ")");
    }
  }

  /** An apply that creates needs {@code create} permission too (upstream's withAuthorization). */
  private void authorizeCreate(ApiRequest request, String ns, String name) {
    RequestInfo info = request.requestInfo();
    UserInfo user = request.user();
    if (createAuthorizer == null || info == null || user == null) {
      return;
    }
    RequestAttributes attributes = RequestAttributes.resource(user, "create", ns,
        info.apiGroup(), info.apiVersion(), info.resource(), info.subresource(), name);
    AuthorizationResult result = createAuthorizer.authorize(attributes);
    if (result.allowed()) {
      return;
    }
    if (!result.error().isEmpty()) {
      throw StatusException.internal(result.error());
    }
    throw ApiErrors.forbidden(new io.gatehouse.api.GroupResource(info.apiGroup(),
        info.resource()), name, result.reason(), new ArrayList<>());
  }
}

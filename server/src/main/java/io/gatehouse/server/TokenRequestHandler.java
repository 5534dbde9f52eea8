package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.auth.serviceaccount.ObjectRef;
import io.gatehouse.auth.serviceaccount.TokenIssuer;
import io.gatehouse.server.protobuf.ProtobufBodies;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/namespaces/<ns>/serviceaccounts/<name>/token}, as upstream's {@code
 * TokenREST.Create}: the body is an {@code authentication.k8s.io/v1} TokenRequest whose name and
 * namespace, when set, must match the URL (422); the service account must exist (404); audiences
 * default to the API audiences and {@code expirationSeconds} to 3600, then are validated (422);
 * a bound Pod (running as this service account, 400 otherwise; its node joins the claims), Secret
 * or Node must exist (404) and match a given uid (409); the token is issued (201) with the
 * max-expiration warning when clamped. The body may be JSON, YAML or protobuf (kubectl 1.32+ sends
 * protobuf). Tokens are never logged. Thread-safe.
 */
final class TokenRequestHandler {

  private static final Logger LOG = LoggerFactory.getLogger(TokenRequestHandler.class);
  private static final GroupVersionKind TOKEN_REQUEST =
      new GroupVersionKind("authentication.k8s.io", "v1", "TokenRequest");

  private final ResourceTable resources;
  private final Registry registry;
  private final TokenIssuer issuer;

  TokenRequestHandler(ResourceTable resources, Registry registry, TokenIssuer issuer) {
    this.resources = resources;
    this.registry = registry;
    this.issuer = issuer;
  }

  /** Returns the response, or empty when the request is not for {@code serviceaccounts/token}. */
  Optional<ApiResponse> handle(ApiRequest request) {
    RequestInfo info = request.requestInfo();
    if (info == null || !info.resourceRequest() || !info.apiGroup().isEmpty()
        || !info.apiVersion().equals("v1") || !info.resource().equals("serviceaccounts")
        || !info.subresource().equals("token") || info.name().isEmpty()) {
      return Optional.empty();
    }
    if (!info.verb().equals("create")) {
      return Optional.of(ApiResponse.status(ApiRoutes.METHOD_NOT_ALLOWED));
    }
    return Optional.of(create(request, info.namespace(), info.name()));
  }

  private ApiResponse create(ApiRequest request, String namespace, String name) {
    if (namespace.isEmpty()) {
      throw StatusException.badRequest("namespace is required");
    }
    Unstructured req = decode(request);
    Map<String, @Nullable Object> meta = req.metadataForWrite();
    if (!req.name().isEmpty() && !req.name().equals(name)) {
      throw invalid(name, ApiErrors.FieldError.invalid("metadata.name", GoQuote.quote(req.name()),
          "must match the service account name if specified"));
    }
    if (!req.namespace().isEmpty() && !req.namespace().equals(namespace)) {
      throw invalid(name, ApiErrors.FieldError.invalid("metadata.namespace",
          GoQuote.quote(req.namespace()), "must match the service account namespace if specified"));
    }
    Unstructured account = registry.get(resource("serviceaccounts"), namespace, name);
    Map<String, Object> spec = ResourceStrategy.child(req.object(), "spec");
    List<String> audiences = strings(spec.get("audiences"));
    if (audiences.isEmpty()) {
      audiences = issuer.apiAudiences();
    }
    long seconds = spec.get("expirationSeconds") instanceof Long l
        ? l : TokenIssuer.DEFAULT_EXPIRATION_SECONDS;
    List<ApiErrors.FieldError> errors = new ArrayList<>();
    for (String e : TokenIssuer.validateExpiration(seconds)) {
      errors.add(ApiErrors.FieldError.invalid("spec.expirationSeconds", Long.toString(seconds), e));
    }
    if (!errors.isEmpty()) {
      throw ApiErrors.invalid(TOKEN_REQUEST.group(), TOKEN_REQUEST.kind(), "", errors);
    }
    Bound bound = spec.get("boundObjectRef") instanceof Map<?, ?> ref
        ? resolve(ref, namespace, name) : Bound.NONE;
    TokenIssuer.Issued issued = issuer.issue(new TokenIssuer.Request(namespace,
        new ObjectRef(account.name(), account.uid()), audiences, seconds, bound.pod(),
        bound.secret(), bound.node()));
    LOG.atDebug().setMessage("Issued service account token")
        .addKeyValue("serviceaccount", namespace + "/" + name)
        .addKeyValue("credentialID", issued.credentialId()).log();
    return ResourceHandler.withWarnings(
        ApiResponse.json(201, response(req, meta, name, namespace, spec, issued)),
        issued.warnings());
  }

  private static Map<String, Object> response(Unstructured req, Map<String, @Nullable Object> meta,
      String name, String namespace, Map<String, Object> spec,
      TokenIssuer.Issued issued) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("namespace", namespace);
    m.put("creationTimestamp", issued.issuedAt().truncatedTo(ChronoUnit.SECONDS).toString());
    meta.forEach((k, v) -> {
      if (v != null && !m.containsKey(k) && !k.equals("resourceVersion") && !k.equals("uid")) {
        m.put(k, v);
      }
    });
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("audiences", issued.audiences());
    s.put("expirationSeconds", issued.expirationSeconds());
    if (spec.get("boundObjectRef") instanceof Map<?, ?> ref && !ref.isEmpty()) {
      s.put("boundObjectRef", ref);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", TOKEN_REQUEST.kind());
    out.put("apiVersion", TOKEN_REQUEST.apiVersion());
    out.put("metadata", m);
    out.put("spec", s);
    out.put("status", Map.of("token", issued.token(), "expirationTimestamp",
        issued.expirationTimestamp().truncatedTo(ChronoUnit.SECONDS).toString()));
    return out;
  }

  /** The bound object and, for a pod, its node. */
  private record Bound(@Nullable ObjectRef pod, @Nullable ObjectRef secret,
      @Nullable ObjectRef node) {
    static final Bound NONE = new Bound(null, null, null);
  }

  private Bound resolve(Map<?, ?> ref, String namespace, String saName) {
    String apiVersion = ref.get("apiVersion") instanceof String s ? s : "";
    String kind = ref.get("kind") instanceof String s ? s : "";
    String name = ref.get("name") instanceof String s ? s : "";
    String uid = ref.get("uid") instanceof String s ? s : "";
    GroupVersion gv = GroupVersion.parse(apiVersion);
    Bound bound;
    String liveUid;
    if (gv.group().isEmpty() && kind.equals("Pod")) {
      Unstructured pod = registry.get(resource("pods"), namespace, name);
      String podAccount = pod.get("spec", "serviceAccountName").orElse("") instanceof String s
          ? s : "";
      if (!saName.equals(podAccount)) {
        throw StatusException.badRequest("cannot bind token for serviceaccount "
            + GoQuote.quote(saName) + " to pod running with different serviceaccount name.");
      }
      bound = new Bound(new ObjectRef(pod.name(), pod.uid()), null, podNode(pod));
      liveUid = pod.uid();
    } else if (gv.group().isEmpty() && kind.equals("Node")) {
      Unstructured node = registry.get(resource("nodes"), "", name);
      bound = new Bound(null, null, new ObjectRef(node.name(), node.uid()));
      liveUid = node.uid();
    } else if (gv.group().isEmpty() && kind.equals("Secret")) {
      Unstructured secret = registry.get(resource("secrets"), namespace, name);
      bound = new Bound(null, new ObjectRef(secret.name(), secret.uid()), null);
      liveUid = secret.uid();
    } else {
      throw StatusException.badRequest("cannot bind token to object of type " + gv.group() + "/"
          + gv.version() + ", Kind=" + kind);
    }
    if (!uid.isEmpty() && !uid.equals(liveUid)) {
      throw ApiErrors.conflict(new GroupResource(gv.group(), kind), name, "the UID in the bound "
          + "object reference (" + uid + ") does not match the UID in record. The object might "
          + "have been deleted and then recreated");
    }
    return bound;
  }

  /** The pod's node: its name and uid, or only its name when the Node is not stored. */
  private @Nullable ObjectRef podNode(Unstructured pod) {
    if (!(pod.get("spec", "nodeName").orElse("") instanceof String nodeName)
        || nodeName.isEmpty()) {
      return null;
    }
    try {
      return new ObjectRef(nodeName, registry.get(resource("nodes"), "", nodeName).uid());
    } catch (StatusException e) {
      if (e.status().code() != 404) {
        throw StatusException.internal(e.getMessage());
      }
      return new ObjectRef(nodeName, "");
    }
  }

  /**
   * Decodes the body as upstream's subresource serializer does: JSON, YAML or protobuf (the
   * request kind is not a stored resource, so {@link RequestBodies#accepted} does not list it).
   */
  private Unstructured decode(ApiRequest request) {
    String mediaType = RequestBodies.negotiate(request.headers().first("Content-Type"),
        List.of(RequestBodies.JSON, RequestBodies.YAML, ProtobufBodies.MEDIA_TYPE));
    Map<String, @Nullable Object> body;
    if (mediaType.equals(ProtobufBodies.MEDIA_TYPE)) {
      body = ProtobufBodies.decode(request.body(), TOKEN_REQUEST,
          gvk -> gvk.equals(TOKEN_REQUEST) || resources.forKind(gvk).isPresent());
    } else if (request.body().length == 0) {
      throw StatusException.badRequest("Object 'Kind' is missing in ''");
    } else {
      body = BodyDecoder.object(BodyDecoder.decode(request.body(), mediaType));
    }
    Unstructured obj = Unstructured.wrap(body);
    Kinds.check(TOKEN_REQUEST, obj);
    return obj;
  }

  private StatusException invalid(String name, ApiErrors.FieldError error) {
    return ApiErrors.invalid(TOKEN_REQUEST.group(), TOKEN_REQUEST.kind(), name, List.of(error));
  }

  private StoredResource resource(String name) {
    return resources.resource(new GroupVersionResource("", "v1", name)).orElseThrow();
  }

  private static List<String> strings(@Nullable Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> l) {
      l.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }
}

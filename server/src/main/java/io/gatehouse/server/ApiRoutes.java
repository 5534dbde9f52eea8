package io.gatehouse.server;

import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The API handler behind the filters: {@code /version}, the health endpoints and discovery, with
 * upstream's answers for everything else. Paths inside a served group/version ({@code
 * /api/v1/...}, {@code /apis/<group>/<version>/...}) answer as go-restful does for a route it lacks
 * (404 with empty details), other unknown paths as kube-apiserver's not-found handler (404 without
 * details); a method the discovery and version endpoints do not serve is 405. Immutable;
 * thread-safe.
 */
final class ApiRoutes implements ApiHandler {

  static final Status NOT_FOUND = new Status(
      "the server could not find the requested resource", StatusReason.NOT_FOUND, null, 404);
  static final Status ROUTE_NOT_FOUND = new Status(
      "the server could not find the requested resource", StatusReason.NOT_FOUND, emptyDetails(),
      404);
  static final Status METHOD_NOT_ALLOWED = new Status(
      "the server does not allow this method on the requested resource",
      StatusReason.METHOD_NOT_ALLOWED, emptyDetails(), 405);

  private final Map<String, Object> version;
  private final Discovery discovery;
  private final AggregatedDiscovery aggregated;
  private final List<HealthEndpoint> health;
  private final Function<ApiRequest, Optional<ApiResponse>> resources;
  private final Function<ApiRequest, Optional<ApiResponse>> openApi;

  ApiRoutes(Map<String, Object> version, Discovery discovery, AggregatedDiscovery aggregated,
      List<HealthEndpoint> health) {
    this(version, discovery, aggregated, health, request -> Optional.empty());
  }

  ApiRoutes(Map<String, Object> version, Discovery discovery, AggregatedDiscovery aggregated,
      List<HealthEndpoint> health, Function<ApiRequest, Optional<ApiResponse>> resources) {
    this(version, discovery, aggregated, health, resources, request -> Optional.empty());
  }

  /**
   * @param resources the stored resources' handler; empty when the request addresses none
   * @param openApi the {@code /openapi/...} handler; empty for other paths
   */
  ApiRoutes(Map<String, Object> version, Discovery discovery, AggregatedDiscovery aggregated,
      List<HealthEndpoint> health, Function<ApiRequest, Optional<ApiResponse>> resources,
      Function<ApiRequest, Optional<ApiResponse>> openApi) {
    this.openApi = openApi;
    this.version = version;
    this.discovery = discovery;
    this.aggregated = aggregated;
    this.health = List.copyOf(health);
    this.resources = resources;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    String path = request.path();
    for (HealthEndpoint h : health) {
      if (path.equals("/" + h.name())) {
        return h.root(request);
      }
      if (path.startsWith("/" + h.name() + "/")) {
        return h.single(path.substring(h.name().length() + 2))
            .orElseGet(() -> ApiResponse.status(NOT_FOUND));
      }
    }
    List<String> parts = RequestInfoResolver.splitPath(path);
    boolean exact = !path.endsWith("//");
    if (parts.size() == 1 && parts.get(0).equals("version") && exact) {
      return get(request, () -> ApiResponse.json(200, version));
    }
    if (parts.size() == 1 && parts.get(0).equals("api") && exact) {
      return get(request, () -> discoveryResponse(request, aggregated.core(), discovery.apiVersions()));
    }
    if (parts.size() == 1 && parts.get(0).equals("apis") && exact) {
      return get(request, () -> discoveryResponse(request, aggregated.groups(), discovery.groupList()));
    }
    Optional<GroupVersion> gv = servedGroupVersion(parts);
    if (gv.isPresent()) {
      Optional<ApiResponse> served = resources.apply(request);
      if (served.isPresent()) {
        return served.get();
      }
      int depth = gv.get().group().isEmpty() ? 2 : 3;
      if (parts.size() == depth) {
        return get(request, () -> ApiResponse.json(200, discovery.resourceList(gv.get()).orElseThrow()));
      }
      return ApiResponse.status(ROUTE_NOT_FOUND);
    }
    if (!parts.isEmpty() && parts.get(0).equals("openapi")) {
      Optional<ApiResponse> served = openApi.apply(request);
      if (served.isPresent()) {
        return get(request, served::get);
      }
    }
    if (parts.size() == 2 && parts.get(0).equals("apis")) {
      Optional<Map<String, Object>> group = discovery.group(parts.get(1));
      if (group.isPresent()) {
        return get(request, () -> ApiResponse.json(200, group.get()));
      }
    }
    return ApiResponse.status(NOT_FOUND);
  }

  private Optional<GroupVersion> servedGroupVersion(List<String> parts) {
    GroupVersion gv = null;
    if (parts.size() >= 2 && parts.get(0).equals("api")) {
      gv = new GroupVersion("", parts.get(1));
    } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
      gv = new GroupVersion(parts.get(1), parts.get(2));
    }
    return gv != null && discovery.serves(gv) ? Optional.of(gv) : Optional.empty();
  }

  private static ApiResponse discoveryResponse(
      ApiRequest request, Map<String, Object> aggregatedBody, Map<String, Object> legacyBody) {
    if (MediaTypes.prefersAggregatedDiscovery(request.headers().first("Accept"))) {
      ApiResponse r = ApiResponse.json(200, AggregatedDiscovery.CONTENT_TYPE, aggregatedBody);
      r.headers().put("Vary", "Accept");
      return r;
    }
    ApiResponse r = ApiResponse.json(200, legacyBody);
    r.headers().put("Vary", "Accept");
    return r;
  }

  private static ApiResponse get(ApiRequest request, java.util.function.Supplier<ApiResponse> body) {
    return request.method().equals("GET") || request.method().equals("HEAD")
        ? body.get()
        : ApiResponse.status(METHOD_NOT_ALLOWED);
  }

  private static Status.Details emptyDetails() {
    return new Status.Details("", "", "", List.of());
  }
}

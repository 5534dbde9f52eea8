package io.gatehouse.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /metrics} in the Prometheus text format ({@code text/plain; version=0.0.4;
 * charset=utf-8}): for now only the authorization configuration reload metrics. Other paths go to
 * the wrapped handler. Thread-safe.
 */
final class MetricsEndpoint {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Supplier<String> exposition;

  MetricsEndpoint(Supplier<String> exposition) {
    this.exposition = exposition;
  }

  /** Returns {@code next} with {@code /metrics} answered here. */
  ApiHandler in(ApiHandler next) {
    return request -> {
      if (!request.path().equals("/metrics")) {
        return next.handle(request);
      }
      if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
        return ApiResponse.status(ApiRoutes.METHOD_NOT_ALLOWED);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", CONTENT_TYPE);
      return new ApiResponse(200, headers,
          exposition.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    };
  }
}

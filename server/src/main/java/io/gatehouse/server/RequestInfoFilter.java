package io.gatehouse.server;

/**
 * Parses the {@link RequestInfo} and attaches it to the request, as upstream's {@code
 * WithRequestInfo}; a path it cannot parse is a 500 with upstream's {@code failed to create
 * RequestInfo} text. Thread-safe.
 */
final class RequestInfoFilter implements ApiHandler {

  private final ApiHandler next;
  private final RequestInfoResolver resolver;

  RequestInfoFilter(ApiHandler next, RequestInfoResolver resolver) {
    this.next = next;
    this.resolver = resolver;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    RequestInfo info;
    try {
      info = resolver.resolve(request.method(), request.path(), request.requestUri(), request.query());
    } catch (RequestInfoResolver.RequestInfoException e) {
      return InternalError.of(request, "failed to create RequestInfo: " + e.getMessage());
    }
    return next.handle(request.withRequestInfo(info));
  }
}

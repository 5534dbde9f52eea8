package io.gatehouse.server;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.RequestAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorizes every request, as upstream's {@code WithAuthorization}: Allow proceeds (even when an
 * authorizer also reported an error); otherwise an evaluation error is a plain-text 500, and
 * anything else is 403 with upstream's Forbidden Status. Requires the request info and user of the
 * earlier filters. Thread-safe.
 */
final class AuthorizationFilter implements ApiHandler {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationFilter.class);

  private final ApiHandler next;
  private final Authorizer authorizer;

  AuthorizationFilter(ApiHandler next, Authorizer authorizer) {
    this.next = next;
    this.authorizer = authorizer;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    if (request.requestInfo() == null || request.user() == null) {
      throw new IllegalStateException("authorization needs request info and user");
    }
    RequestAttributes attributes = AuthorizerAttributes.of(request.user(), request.requestInfo());
    AuthorizationResult result = authorizer.authorize(attributes);
    if (result.allowed()) {
      return next.handle(request);
    }
    if (!result.error().isEmpty()) {
      return InternalError.of(request, result.error());
    }
    LOG.atDebug().setMessage("Forbidden").addKeyValue("URI", request.requestUri())
        .addKeyValue("reason", result.reason()).log();
    return ApiResponse.status(Forbidden.status(attributes, result.reason()));
  }
}

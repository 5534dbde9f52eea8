package io.gatehouse.server;

import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.auth.authentication.AuthenticationRequest;
import io.gatehouse.auth.authentication.AuthenticationResult;
import io.gatehouse.auth.authentication.Authenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request, as upstream's {@code WithAuthentication}: the user joins the
 * request and the {@code Authorization} header is removed so that no later code sees the
 * credential; a request nobody authenticates gets 401 with the Status message {@code
 * Unauthorized} and nothing more. Authentication errors are logged at DEBUG without credentials.
 * Thread-safe.
 */
final class AuthenticationFilter implements ApiHandler {

  static final Status UNAUTHORIZED =
      new Status("Unauthorized", StatusReason.UNAUTHORIZED, null, 401);

  private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);

  private final ApiHandler next;
  private final Authenticator authenticator;

  AuthenticationFilter(ApiHandler next, Authenticator authenticator) {
    this.next = next;
    this.authenticator = authenticator;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    AuthenticationResult result = authenticator.authenticate(new AuthenticationRequest(
        request.headers().first("Authorization"), request.peerCertificates()));
    return switch (result) {
      case AuthenticationResult.Authenticated ok ->
          next.handle(request.withHeaders(request.headers().without("Authorization"))
              .withUser(ok.user()));
      case AuthenticationResult.Failed failed -> {
        LOG.atDebug().setMessage("Unable to authenticate the request")
            .addKeyValue("err", failed.error()).log();
        yield ApiResponse.status(UNAUTHORIZED);
      }
      case AuthenticationResult.NotApplicable n -> ApiResponse.status(UNAUTHORIZED);
    };
  }
}

package io.gatehouse.server;

import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.auth.authentication.AuthenticationRequest;
import io.gatehouse.auth.authentication.AuthenticationResult;
import io.gatehouse.auth.authentication.AuthenticationWarnings;
import io.gatehouse.auth.authentication.Authenticator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request, as upstream's {@code WithAuthentication}: the user joins the
 * request and the {@code Authorization} header is removed so that no later code sees the
 * credential; a request nobody authenticates gets 401 with the Status message {@code
 * Unauthorized} and nothing more. Authentication errors are logged at DEBUG without credentials;
 * warnings the authenticators add go to the response's {@code Warning} header.
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
    AuthenticationWarnings.Recorded<AuthenticationResult> recorded =
        AuthenticationWarnings.record(() -> authenticator.authenticate(new AuthenticationRequest(
            request.headers().first("Authorization"), request.peerCertificates())));
    return switch (recorded.value()) {
      case AuthenticationResult.Authenticated ok -> withWarnings(
          next.handle(request.withHeaders(request.headers().without("Authorization"))
              .withUser(ok.user())), recorded.warnings());
      case AuthenticationResult.Failed failed -> {
        LOG.atDebug().setMessage("Unable to authenticate the request")
            .addKeyValue("err", failed.error()).log();
        yield ApiResponse.status(UNAUTHORIZED);
      }
      case AuthenticationResult.NotApplicable n -> ApiResponse.status(UNAUTHORIZED);
    };
  }

  /**
   * Adds the authenticators' warnings (e.g. for an auto-generated legacy token) before the
   * handler's own in the {@code Warning} header.
   */
  private static ApiResponse withWarnings(ApiResponse response, List<String> warnings) {
    if (warnings.isEmpty()) {
      return response;
    }
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    String handlerWarnings = headers.remove("Warning");
    ApiResponse out = ResourceHandler.withWarnings(
        new ApiResponse(response.status(), headers, response.body(), response.stream()), warnings);
    if (handlerWarnings != null) {
      out.headers().put("Warning", out.headers().get("Warning") + ", " + handlerWarnings);
    }
    return out;
  }
}

package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.authentication.AuthenticationResult;
import io.gatehouse.auth.authentication.Authenticator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerChainTest {

  private static final UserInfo JANE = UserInfo.of("jane", "system:authenticated");
  private static final Authenticator BEARER_JANE = request ->
      request.authorizationHeader().equals("Bearer jane")
          ? new AuthenticationResult.Authenticated(JANE)
          : request.authorizationHeader().isEmpty()
              ? new AuthenticationResult.NotApplicable()
              : new AuthenticationResult.Failed("invalid bearer token");
  private static final Authorizer ALLOW_NON_RESOURCE = a -> a.resourceRequest()
      ? AuthorizationResult.of(Decision.NO_OPINION, "")
      : AuthorizationResult.of(Decision.ALLOW, "");

  private final List<ApiRequest> seen = new ArrayList<>();
  private final ApiHandler handler = request -> {
    seen.add(request);
    return ApiResponse.text(200, "handled");
  };

  private ApiResponse call(ApiHandler chain, String method, String uri, String authorization) {
    Headers h = authorization.isEmpty() ? Headers.EMPTY : Headers.of("Authorization", authorization);
    return chain.handle(ApiRequest.of(method, uri, h));
  }

  @Test
  void handle_noCredentials_401UnauthorizedStatus() {
    ApiResponse r = call(HandlerChain.build(handler, BEARER_JANE, ALLOW_NON_RESOURCE), "GET", "/version", "");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.bodyText()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
        + "\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}\n");
    assertThat(seen).isEmpty();
  }

  @Test
  void handle_invalidToken_401() {
    assertThat(call(HandlerChain.build(handler, BEARER_JANE, ALLOW_NON_RESOURCE), "GET", "/version", "Bearer x")
        .status()).isEqualTo(401);
  }

  @Test
  void handle_authenticated_handlerSeesUserInfoAndNoAuthorizationHeader() {
    ApiResponse r = call(HandlerChain.build(handler, BEARER_JANE, ALLOW_NON_RESOURCE), "GET", "/version", "Bearer jane");
    assertThat(r.status()).isEqualTo(200);
    assertThat(seen).singleElement().satisfies(req -> {
      assertThat(req.user()).isEqualTo(JANE);
      assertThat(req.requestInfo()).isEqualTo(RequestInfo.nonResource("/version", "GET"));
      assertThat(req.headers().first("Authorization")).isEmpty();
    });
  }

  @Test
  void handle_denied_403ForbiddenStatusFromRequestInfo() {
    ApiResponse r = call(HandlerChain.build(handler, BEARER_JANE, ALLOW_NON_RESOURCE), "GET",
        "/api/v1/namespaces/default/pods?limit=500", "Bearer jane");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.bodyText()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
        + "\"status\":\"Failure\",\"message\":\"pods is forbidden: User \\\"jane\\\" cannot list resource "
        + "\\\"pods\\\" in API group \\\"\\\" in the namespace \\\"default\\\"\",\"reason\":\"Forbidden\","
        + "\"details\":{\"kind\":\"pods\"},\"code\":403}\n");
    assertThat(seen).isEmpty();
  }

  @Test
  void handle_authorizerError_500PlainText() {
    Authorizer failing = a -> new AuthorizationResult(Decision.NO_OPINION, "", "webhook down");
    ApiResponse r = call(HandlerChain.build(handler, BEARER_JANE, failing), "GET", "/version?x=1", "Bearer jane");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.bodyText()).isEqualTo("Internal Server Error: \"/version?x=1\": webhook down\n");
  }

  @Test
  void handle_allowWithError_proceeds() {
    Authorizer allowing = a -> new AuthorizationResult(Decision.ALLOW, "", "partial error");
    assertThat(call(HandlerChain.build(handler, BEARER_JANE, allowing), "GET", "/version", "Bearer jane")
        .status()).isEqualTo(200);
  }

  @Test
  void handle_unparsableResourcePath_500BeforeAuthentication() {
    ApiResponse r = call(HandlerChain.build(handler, BEARER_JANE, ALLOW_NON_RESOURCE), "GET", "/api/v1/watch", "");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.bodyText()).isEqualTo("Internal Server Error: \"/api/v1/watch\": failed to create "
        + "RequestInfo: unable to determine kind and namespace from url, /api/v1/watch\n");
  }

  @Test
  void handle_handlerThrowsStatus_statusResponse() {
    ApiHandler throwing = request -> {
      throw StatusException.badRequest("bad");
    };
    ApiResponse r = call(HandlerChain.build(throwing, BEARER_JANE, ALLOW_NON_RESOURCE), "GET", "/x", "Bearer jane");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText()).contains("\"message\":\"bad\"", "\"reason\":\"BadRequest\"");
  }

  @Test
  void handle_handlerBug_500PanicText() {
    ApiHandler buggy = request -> {
      throw new IllegalStateException("bug");
    };
    ApiResponse r = call(HandlerChain.build(buggy, BEARER_JANE, ALLOW_NON_RESOURCE), "GET", "/x", "Bearer jane");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.bodyText()).isEqualTo(RecoveryFilter.PANIC_TEXT + "\n");
  }
}

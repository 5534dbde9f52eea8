package io.gatehouse.server;

import io.gatehouse.auth.serviceaccount.OpenIdMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service-account issuer's OIDC discovery endpoints in front of the other routes, as
 * upstream's {@code routes/openidmetadata.go}: {@code GET /.well-known/openid-configuration}
 * ({@code application/json}) and {@code GET /openid/v1/jwks} ({@code application/jwk-set+json}),
 * both with {@code Cache-Control: public, max-age=3600}. Authorization happens before (the
 * bootstrap policy lets {@code system:serviceaccounts} read them). Without metadata (an issuer
 * that is not an https URL) the paths are not served. Immutable; thread-safe.
 */
final class OidcDiscovery implements ApiHandler {

  private final ApiHandler next;
  private final Optional<OpenIdMetadata> metadata;

  OidcDiscovery(ApiHandler next, Optional<OpenIdMetadata> metadata) {
    this.next = next;
    this.metadata = metadata;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    if (metadata.isEmpty()) {
      return next.handle(request);
    }
    String path = request.path();
    boolean config = path.equals(OpenIdMetadata.CONFIG_PATH);
    if (!config && !path.equals(OpenIdMetadata.JWKS_PATH)) {
      return next.handle(request);
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return ApiResponse.error(405, "405: Method Not Allowed");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", config ? ApiResponse.JSON : OpenIdMetadata.JWKS_CONTENT_TYPE);
    headers.put("Cache-Control", OpenIdMetadata.CACHE_CONTROL);
    return new ApiResponse(200, headers,
        config ? metadata.get().configJson() : metadata.get().keysetJson());
  }
}

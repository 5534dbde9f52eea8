package io.gatehouse.server;

import io.gatehouse.api.authz.UserInfo;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the handler chain sees it, plus what filters learnt about it (request info,
 * user): the Java twin of an {@code *http.Request} with its context.
 *
 * <p>Immutable: filters derive new requests with {@code with…}. The body array is not copied and
 * must not be modified. {@link #toString()} omits headers (they may hold credentials).
 *
 * @param method the HTTP method, upper case
 * @param path the URL path, percent-decoded
 * @param requestUri the request target as sent (path and query), for messages
 * @param query the query parameters, decoded as Go's {@code url.ParseQuery}
 * @param headers the headers, case-insensitive
 * @param body the request body, empty if none
 * @param peerCertificates the TLS client certificate chain, leaf first; empty if none
 * @param requestInfo what {@code RequestInfoFilter} parsed, null before it ran
 * @param user who {@code AuthenticationFilter} authenticated, null before it ran
 */
record ApiRequest(
    String method,
    String path,
    String requestUri,
    Map<String, List<String>> query,
    Headers headers,
    byte[] body,
    List<X509Certificate> peerCertificates,
    @Nullable RequestInfo requestInfo,
    @Nullable UserInfo user) {

  ApiRequest {
    query = Map.copyOf(query);
    peerCertificates = List.copyOf(peerCertificates);
  }

  /** Returns a request with no body, certificates, request info or user (for tests and probes). */
  static ApiRequest of(String method, String requestUri, Headers headers) {
    int q = requestUri.indexOf('?');
    String path = q < 0 ? requestUri : requestUri.substring(0, q);
    String rawQuery = q < 0 ? "" : requestUri.substring(q + 1);
    return new ApiRequest(method, QueryString.unescapePath(path), requestUri,
        QueryString.parse(rawQuery), headers, new byte[0], List.of(), null, null);
  }

  /** Returns the first value of query parameter {@code name}. */
  Optional<String> queryValue(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  ApiRequest withRequestInfo(RequestInfo info) {
    return new ApiRequest(method, path, requestUri, query, headers, body, peerCertificates, info,
        user);
  }

  ApiRequest withUser(UserInfo authenticated) {
    return new ApiRequest(method, path, requestUri, query, headers, body, peerCertificates,
        requestInfo, authenticated);
  }

  ApiRequest withHeaders(Headers replaced) {
    return new ApiRequest(method, path, requestUri, query, replaced, body, peerCertificates,
        requestInfo, user);
  }

  @Override
  public String toString() {
    return "ApiRequest[" + method + " " + requestUri + "]";
  }
}

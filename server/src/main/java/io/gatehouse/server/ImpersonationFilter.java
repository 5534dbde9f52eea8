package io.gatehouse.server;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.authentication.Impersonation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's {@code WithImpersonation}: a request with {@code Impersonate-User}, {@code
 * -Group}, {@code -Uid} or {@code -Extra-*} headers continues as the impersonated identity when the
 * authenticated user may {@code impersonate} each part (users, groups, serviceaccounts, uids,
 * userextras/&lt;key&gt;); the first part it may not is answered with upstream's Forbidden
 * Status for that check (an authorizer error is a Forbidden too, not a 500); groups, extras or a
 * uid without a user is upstream's plain-text 500. The impersonation headers are removed before
 * the request goes on. Requires the authenticated user. Thread-safe.
 */
final class ImpersonationFilter implements ApiHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ImpersonationFilter.class);
  private static final String EXTRA_PREFIX =
      Impersonation.EXTRA_HEADER_PREFIX.toLowerCase(Locale.ROOT);

  private final ApiHandler next;
  private final Authorizer authorizer;

  ImpersonationFilter(ApiHandler next, Authorizer authorizer) {
    this.next = next;
    this.authorizer = authorizer;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    Headers headers = request.headers();
    Map<String, List<String>> extras = new LinkedHashMap<>();
    for (String name : headers.names()) {
      if (name.toLowerCase(Locale.ROOT).startsWith(EXTRA_PREFIX)) {
        extras.put(name.substring(EXTRA_PREFIX.length()), headers.all(name));
      }
    }
    Impersonation.Requested requested = new Impersonation.Requested(
        headers.first(Impersonation.USER_HEADER), headers.all(Impersonation.GROUP_HEADER), extras,
        headers.first(Impersonation.UID_HEADER));
    if (requested.none()) {
      return next.handle(request);
    }
    Impersonation.Parsed parsed = Impersonation.parse(requested);
    if (!parsed.error().isEmpty()) {
      LOG.atDebug().setMessage(parsed.error()).log();
      return InternalError.of(request, parsed.error());
    }
    UserInfo requestor = request.user();
    if (requestor == null) {
      return InternalError.of(request, "no user found for request");
    }
    for (Impersonation.Target target : parsed.targets()) {
      RequestAttributes attributes = Impersonation.attributes(requestor, target);
      AuthorizationResult result = authorizer.authorize(attributes);
      if (!result.allowed()) {
        LOG.atDebug().setMessage("Forbidden").addKeyValue("URI", request.requestUri())
            .addKeyValue("reason", result.reason()).addKeyValue("err", result.error()).log();
        return ApiResponse.status(Forbidden.status(attributes, result.reason()));
      }
    }
    UserInfo impersonated = Impersonation.user(parsed.targets(),
        !headers.all(Impersonation.GROUP_HEADER).isEmpty());
    LOG.atDebug().setMessage("Impersonating").addKeyValue("user", requestor.name())
        .addKeyValue("as", impersonated.name()).log();
    Headers remaining = headers.without(Impersonation.USER_HEADER)
        .without(Impersonation.GROUP_HEADER).without(Impersonation.UID_HEADER);
    for (String name : new ArrayList<>(headers.names())) {
      if (name.toLowerCase(Locale.ROOT).startsWith(EXTRA_PREFIX)) {
        remaining = remaining.without(name);
      }
    }
    return next.handle(request.withHeaders(remaining).withUser(impersonated));
  }
}

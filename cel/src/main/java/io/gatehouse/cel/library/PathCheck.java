package io.gatehouse.cel.library;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.RequestAttributes;

/**
 * A value of the CEL type {@code kubernetes.authorization.PathCheck}: a non-resource request path
 * to check. Immutable.
 *
 * @param authorizer the authorizer and principal
 * @param path the path as given (a leading {@code /} is not required)
 */
public record PathCheck(AuthorizerValue authorizer, String path) {

  /**
   * Asks the authorizer whether the principal may send {@code httpVerb} (passed as given) to the
   * path; the result is the CEL {@code kubernetes.authorization.Decision}.
   */
  public AuthorizationResult check(String httpVerb) {
    return authorizer.authorizer()
        .authorize(RequestAttributes.nonResource(authorizer.user(), httpVerb, path));
  }
}

package io.gatehouse.server;

import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.auth.authentication.Authenticator;

/**
 * The one place that fixes the order of the request filters, as kube-apiserver's {@code
 * DefaultBuildHandlerChain}: a request passes panic recovery, then request-info parsing, then
 * authentication, then (audit will come here) impersonation, then authorization, and only then
 * reaches the handler. Impersonation checks the {@code impersonate} verb with the same authorizer.
 * Stateless.
 */
final class HandlerChain {

  private HandlerChain() {}

  /**
   * Wraps {@code handler} in the filters.
   *
   * @param handler the API handler (routes)
   * @param authenticator who the caller is
   * @param authorizer whether the caller may
   */
  static ApiHandler build(ApiHandler handler, Authenticator authenticator, Authorizer authorizer) {
    ApiHandler chain = new AuthorizationFilter(handler, authorizer);
    chain = new ImpersonationFilter(chain, authorizer);
    // Audit goes here, between impersonation and authentication.
    chain = new AuthenticationFilter(chain, authenticator);
    chain = new RequestInfoFilter(chain, new RequestInfoResolver());
    return new RecoveryFilter(chain);
  }
}

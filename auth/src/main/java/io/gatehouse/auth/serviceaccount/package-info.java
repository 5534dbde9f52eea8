/**
 * Service-account tokens as kube-apiserver and kube-controller-manager make and check them: JWT
 * signing and verification with JDK crypto ({@link io.gatehouse.auth.serviceaccount.TokenGenerator},
 * {@link io.gatehouse.auth.serviceaccount.ServiceAccountTokenAuthenticator}), the claims of bound
 * (TokenRequest) and legacy (Secret) tokens ({@link io.gatehouse.auth.serviceaccount.TokenClaims}),
 * key files as upstream's {@code keyutil} reads them ({@link
 * io.gatehouse.auth.serviceaccount.KeyFiles}), the TokenRequest rules ({@link
 * io.gatehouse.auth.serviceaccount.TokenIssuer}) and the OIDC discovery documents ({@link
 * io.gatehouse.auth.serviceaccount.OpenIdMetadata}).
 *
 * <p>No HTTP and no storage: bound objects are looked up through {@link
 * io.gatehouse.auth.serviceaccount.ServiceAccountTokenGetter}, and the legacy-token last-used label
 * is written through {@link io.gatehouse.auth.serviceaccount.SecretsWriter}. Tokens are never
 * logged; a token is identified in logs by a SHA-256 prefix at most.
 */
@NullMarked
package io.gatehouse.auth.serviceaccount;

import org.jspecify.annotations.NullMarked;

/**
 * Authentication as kube-apiserver does it: {@link io.gatehouse.auth.authentication.Authenticator}s
 * turn a request's credentials into a {@link io.gatehouse.api.authz.UserInfo}, or say the
 * credentials are not theirs, or that they are invalid. Client certificates ({@link
 * io.gatehouse.auth.authentication.X509Authenticator}), static bearer tokens ({@link
 * io.gatehouse.auth.authentication.TokenFileAuthenticator}), anonymous access and the {@code
 * system:authenticated} group are combined by {@link
 * io.gatehouse.auth.authentication.AuthenticationConfig} in upstream's order.
 *
 * <p>No HTTP types: an {@link io.gatehouse.auth.authentication.AuthenticationRequest} carries only
 * the {@code Authorization} header value and the TLS peer certificates.
 */
@NullMarked
package io.gatehouse.auth.authentication;

import org.jspecify.annotations.NullMarked;

/**
 * The authorization vocabulary shared by the authorizers, the review APIs and CEL's
 * {@code authorizer} variable: who asks ({@link io.gatehouse.api.authz.UserInfo}), what they ask
 * ({@link io.gatehouse.api.authz.RequestAttributes}) and the answer ({@link
 * io.gatehouse.api.authz.AuthorizationResult}).
 */
@NullMarked
package io.gatehouse.api.authz;

import org.jspecify.annotations.NullMarked;

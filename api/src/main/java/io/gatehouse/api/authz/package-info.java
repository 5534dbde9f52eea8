/**
 * The authorization vocabulary shared by the authorizers, the review APIs and CEL's
 * {@code authorizer} variable: who asks ({@link io.gatehouse.api.authz.UserInfo}), what they ask
 * ({@link io.gatehouse.api.authz.RequestAttributes}, with optional field and label selector
 * requirements) and the answer ({@link io.gatehouse.api.authz.AuthorizationResult}); plus {@link
 * io.gatehouse.api.authz.CachingAuthorizer}, which remembers answers for one admission request.
 */
@NullMarked
package io.gatehouse.api.authz;

import org.jspecify.annotations.NullMarked;

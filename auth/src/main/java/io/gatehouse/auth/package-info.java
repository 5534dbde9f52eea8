/**
 * Authorizers composed as kube-apiserver composes them: the privileged-group authorizer, the
 * union that asks each authorizer in turn, and (in sub-packages) RBAC.
 */
@NullMarked
package io.gatehouse.auth;

import org.jspecify.annotations.NullMarked;

/**
 * The Node authorizer, as upstream's {@code plugin/pkg/auth/authorizer/node}: kubelets ({@code
 * system:node:<name>} in {@code system:nodes}) may read the secrets, configmaps, volumes, claims
 * and service-account tokens of the pods bound to them, their own Node, lease and CSINode, and
 * whatever the static {@code system:node} rules allow.
 */
@NullMarked
package io.gatehouse.auth.node;

import org.jspecify.annotations.NullMarked;

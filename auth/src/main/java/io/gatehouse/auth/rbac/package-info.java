/**
 * Role-based access control as upstream's RBAC authorizer: rule resolution over bindings, rule
 * matching, ClusterRole aggregation, and the exact "allowed by" reasons.
 */
@NullMarked
package io.gatehouse.auth.rbac;

import org.jspecify.annotations.NullMarked;

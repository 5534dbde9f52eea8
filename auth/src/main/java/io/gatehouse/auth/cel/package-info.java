/**
 * CEL for authorization, as upstream's {@code apiserver/pkg/authorization/cel}: the {@code request}
 * variable (a {@code kubernetes.SubjectAccessReviewSpec}), the compiler of webhook {@code
 * matchConditions} and their matcher.
 */
@NullMarked
package io.gatehouse.auth.cel;

import org.jspecify.annotations.NullMarked;

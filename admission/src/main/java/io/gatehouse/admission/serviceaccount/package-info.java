/**
 * Upstream's {@code ServiceAccount} admission plugin ({@code plugin/pkg/admission/serviceaccount}):
 * the default service account, its existence, the {@code kube-api-access-*} token volume, image
 * pull secrets and mountable-secret limits.
 */
@NullMarked
package io.gatehouse.admission.serviceaccount;

import org.jspecify.annotations.NullMarked;

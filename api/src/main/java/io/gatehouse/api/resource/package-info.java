/**
 * Kubernetes resource quantities ({@code 500m}, {@code 1.5Gi}, {@code 2e3}) as apimachinery's
 * {@code k8s.io/apimachinery/pkg/api/resource} models them: the same grammar and error texts, the
 * same fixed-point arithmetic and the same canonical string form.
 */
@NullMarked
package io.gatehouse.api.resource;

import org.jspecify.annotations.NullMarked;

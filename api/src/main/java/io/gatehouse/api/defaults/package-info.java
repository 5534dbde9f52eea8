/**
 * kube-apiserver's API defaulting of built-in objects: the {@code SetDefaults_*} functions of
 * {@code pkg/apis/<group>/<version>/defaults.go}, the {@code +default=} markers of the API types and
 * the covering {@code SetObjectDefaults_*} walks that defaulter-gen generates, applied to {@link
 * io.gatehouse.api.Unstructured} map trees. Entry point: {@link io.gatehouse.api.defaults.Defaulter}.
 * One package-private class per API group holds that group's defaults.
 */
@NullMarked
package io.gatehouse.api.defaults;

import org.jspecify.annotations.NullMarked;

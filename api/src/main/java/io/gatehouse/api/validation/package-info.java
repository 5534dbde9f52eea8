/**
 * apimachinery's string validators ({@code k8s.io/apimachinery/pkg/util/validation} and the name
 * functions of {@code pkg/api/validation}) with their exact error texts, for object metadata,
 * admission and CEL's {@code format} library.
 */
@NullMarked
package io.gatehouse.api.validation;

import org.jspecify.annotations.NullMarked;

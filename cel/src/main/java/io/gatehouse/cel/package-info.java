/**
 * The Kubernetes CEL environment on {@code dev.cel}: versioned base environments, compilation with
 * upstream (cel-go) error texts, evaluation with Kubernetes' cost limits, and the conversion of
 * JSON/YAML values into CEL values.
 *
 * <p>Nothing here knows about admission, HTTP or storage: callers declare their variables, compile
 * expressions once and evaluate them many times.
 */
@NullMarked
package io.gatehouse.cel;

import org.jspecify.annotations.NullMarked;

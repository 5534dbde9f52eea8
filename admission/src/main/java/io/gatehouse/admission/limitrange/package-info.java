/** Upstream's {@code LimitRanger} admission plugin ({@code plugin/pkg/admission/limitranger}). */
@NullMarked
package io.gatehouse.admission.limitrange;

import org.jspecify.annotations.NullMarked;

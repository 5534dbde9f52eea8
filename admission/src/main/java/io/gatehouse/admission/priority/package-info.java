/**
 * Upstream's {@code Priority} admission plugin ({@code plugin/pkg/admission/priority}) and the
 * system PriorityClasses kube-apiserver creates at start.
 */
@NullMarked
package io.gatehouse.admission.priority;

import org.jspecify.annotations.NullMarked;

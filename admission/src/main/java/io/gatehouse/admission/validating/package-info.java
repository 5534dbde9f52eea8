/**
 * The ValidatingAdmissionPolicy admission plugin with kube-apiserver's semantics: policies and
 * bindings (v1, v1beta1, v1alpha1) with API defaults and API validation, compiled once, evaluated
 * per request with upstream's matching, params, budgets, decisions, messages, warnings and audit
 * annotations — and, beyond upstream, every denial of every binding and param.
 */
@NullMarked
package io.gatehouse.admission.validating;

import org.jspecify.annotations.NullMarked;

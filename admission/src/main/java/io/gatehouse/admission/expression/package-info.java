/**
 * The CEL layer of expression-based admission (upstream's {@code admission/plugin/cel}): the
 * declared variables and their types, compiling with return-type checks, the runtime values of
 * {@code request} and {@code namespaceObject}, composited {@code variables}, and evaluating a list
 * of expressions against one cost budget.
 */
@NullMarked
package io.gatehouse.admission.expression;

import org.jspecify.annotations.NullMarked;

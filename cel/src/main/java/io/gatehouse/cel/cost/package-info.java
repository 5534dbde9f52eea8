/**
 * CEL cost accounting as Kubernetes enforces it: cel-go's static estimator over the checked AST and
 * its runtime cost tracker, plus Kubernetes' library costs when strict cost is on.
 */
@NullMarked
package io.gatehouse.cel.cost;

import org.jspecify.annotations.NullMarked;

package io.gatehouse.cel.cost;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * cel-go's {@code checker.AstNode}: what a call estimator sees of an argument.
 *
 * @param path the field path from a variable, or null
 * @param type the checked type
 * @param expr the expression, or null for synthetic nodes (list items)
 * @param computedSize the size derived from the expression itself (literals, call results), or null
 */
record EstimateNode(
    @Nullable List<String> path, CelType type, @Nullable CelExpr expr, @Nullable Range computedSize) {}

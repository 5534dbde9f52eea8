package io.gatehouse.cel.cost;

import dev.cel.common.CelAbstractSyntaxTree;
import io.gatehouse.cel.Environment;
import org.jspecify.annotations.Nullable;

/**
 * What each node of one checked expression costs when cel-go evaluates it the way Kubernetes
 * configures it, laid out in arrays indexed by expression id so that {@link RuntimeCostTracker}
 * charges a node with an array lookup. Computed once per compiled expression.
 *
 * <p>Immutable and thread-safe.
 */
public final class CostPlan {

  final long[] fixed;
  final @Nullable CallFormula[] formula;
  /** Argument ids of size-dependent calls, receiver first; {@code ~id} marks an unsized one. */
  final int[][] args;
  final boolean[] keep;
  /** For the operand of a {@code _?._}, the id of that call (cel-java evaluates it twice). */
  final int[] optionalSelectOf;
  final int[] parent;
  final boolean optionalSize;
  final boolean keepsValues;

  CostPlan(
      long[] fixed,
      @Nullable CallFormula[] formula,
      int[][] args,
      boolean[] keep,
      int[] optionalSelectOf,
      int[] parent,
      boolean optionalSize) {
    this.fixed = fixed;
    this.formula = formula;
    this.args = args;
    this.keep = keep;
    this.optionalSelectOf = optionalSelectOf;
    this.parent = parent;
    this.optionalSize = optionalSize;
    boolean any = false;
    for (boolean k : keep) {
      any |= k;
    }
    this.keepsValues = any;
  }

  /** Plans {@code ast} (checked in {@code environment}) with the cost model Kubernetes runs. */
  public static CostPlan of(CelAbstractSyntaxTree ast, Environment environment) {
    return new CostPlanner(ast, CostModel.of(environment)).plan();
  }

  static CostPlan of(CelAbstractSyntaxTree ast, CostModel model) {
    return new CostPlanner(ast, model).plan();
  }

  int size() {
    return fixed.length;
  }

  /** The cost of size-dependent call {@code id} given the values seen so far. */
  long dynamicCost(int id, CallFormula f, @Nullable Object[] values, @Nullable Object result) {
    int[] a = args[id];
    int e0 = a.length > 0 ? a[0] : ~0;
    int e1 = a.length > 1 ? a[1] : ~0;
    Object a0 = values[e0 >= 0 ? e0 : ~e0];
    Object a1 = values[e1 >= 0 ? e1 : ~e1];
    return f.cost(a0, a1, result, e0 >= 0, e1 >= 0, optionalSize);
  }

  /** Whether {@code id} lies strictly inside the subtree rooted at {@code ancestor}. */
  boolean isDescendant(int id, int ancestor) {
    for (int p = id < parent.length ? parent[id] : 0; p != 0; p = parent[p]) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }
}

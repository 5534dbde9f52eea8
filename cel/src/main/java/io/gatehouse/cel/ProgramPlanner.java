package io.gatehouse.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.navigation.TraversalOrder;
import dev.cel.common.types.CelKind;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The errors cel-go reports while it creates a program ({@code env.Program}) for a checked
 * expression, which Kubernetes words {@code program instantiation failed: <error>}.
 *
 * <p>Kubernetes creates every program with {@code cel.OptOptimize}. cel-go's planner then folds,
 * node by node from the leaves up, each call of a type conversion function whose only argument is
 * a constant ({@code maybeOptimizeConstUnary} in {@code interpreter/decorators.go}): it evaluates
 * the call, and when that yields an error, program creation fails with the error's text. Right
 * after folding a node it applies the libraries' precompilations (constant regular expressions).
 * This class replays that walk: the first error in cel-go's planning order wins.
 *
 * <p>Stateless; thread-safe.
 */
final class ProgramPlanner {

  /** cel-go's {@code overloads.IsTypeConversionFunction}. */
  private static final Set<String> CONVERSIONS =
      Set.of("bool", "bytes", "double", "duration", "dyn", "int", "string", "timestamp", "type",
          "uint");

  private ProgramPlanner() {}

  /**
   * Returns the error creating a program for {@code ast} fails with, or empty.
   *
   * @param evaluator evaluates a node of {@code ast} with no variables bound
   */
  static Optional<String> programError(
      CelAbstractSyntaxTree ast,
      List<KubernetesLibrary> libraries,
      Function<CelExpr, EvaluationResult> evaluator) {
    FoldedConstants constants = new FoldedConstants(evaluator);
    Iterator<CelExpr> nodes =
        CelNavigableAst.fromAst(ast)
            .getRoot()
            .allNodes(TraversalOrder.POST_ORDER)
            .map(CelNavigableExpr::expr)
            .iterator();
    while (nodes.hasNext()) {
      CelExpr expr = nodes.next();
      Optional<String> error = plan(ast, expr, constants);
      if (error.isPresent()) {
        return error;
      }
      for (KubernetesLibrary library : libraries) {
        error = library.programError(expr, constants);
        if (error.isPresent()) {
          return error;
        }
      }
    }
    return Optional.empty();
  }

  /** Decides whether {@code expr} becomes a constant, folding conversions. */
  private static Optional<String> plan(
      CelAbstractSyntaxTree ast, CelExpr expr, FoldedConstants constants) {
    switch (expr.getKind()) {
      case CONSTANT -> constants.add(expr);
      case IDENT, SELECT -> {
        // planCheckedIdent: a checked reference with a value (enum constant) or to a type name.
        Optional<CelReference> reference = ast.getReference(expr.id());
        if (reference.isPresent()
            && (reference.get().value().isPresent()
                || ast.getType(expr.id()).map(t -> t.kind() == CelKind.TYPE).orElse(false))) {
          constants.add(expr);
        }
      }
      case LIST -> {
        if (expr.list().elements().stream().allMatch(constants::isConstant)) {
          constants.add(expr);
        }
      }
      case MAP -> {
        if (expr.map().entries().stream()
            .allMatch(e -> constants.isConstant(e.key()) && constants.isConstant(e.value()))) {
          constants.add(expr);
        }
      }
      case CALL -> {
        if (expr.call().target().isEmpty()
            && expr.call().args().size() == 1
            && CONVERSIONS.contains(expr.call().function())
            && constants.isConstant(expr.call().args().get(0))) {
          return constants.fold(expr);
        }
      }
      case NOT_SET, STRUCT, COMPREHENSION -> {}
    }
    return Optional.empty();
  }
}

package io.gatehouse.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelUnknownSet;

/**
 * Turns cel-java's compile issues and evaluation errors into the texts cel-go produces, because
 * Kubernetes puts those texts into admission messages and API errors.
 *
 * <p>Stateless; thread-safe.
 */
public final class CelErrors {

  private CelErrors() {}

  /** Formats the errors of a failed compilation as cel-go's {@code Issues.String()}. */
  public static String compileMessage(CelValidationResult result) {
    return CompileErrorTranslator.format(result);
  }

  /** Returns cel-go's text for an evaluation error of {@code ast}. */
  public static String runtimeMessage(CelEvaluationException e, CelAbstractSyntaxTree ast) {
    return RuntimeErrorTranslator.translate(e, ast, null);
  }

  /**
   * Returns cel-go's text for an evaluation error of {@code ast}, worded from the operand values
   * recorded during the failed evaluation where cel-go's text depends on them.
   */
  static String runtimeMessage(
      CelEvaluationException e, CelAbstractSyntaxTree ast, EvaluatedValues values) {
    return RuntimeErrorTranslator.translate(e, ast, values);
  }

  /**
   * Returns cel-go's text for an evaluation that needed a declared but unbound variable: {@code
   * no such attribute(s): id: <expr id>, names: [<name>]}.
   */
  static String unboundMessage(CelUnknownSet unknown, CelAbstractSyntaxTree ast) {
    long id = unknown.unknownExprIds().stream().mapToLong(Long::longValue).min().orElse(0);
    String name =
        CelNavigableAst.fromAst(ast).getRoot().allNodes()
            .filter(n -> n.id() == id && n.expr().getKind() == CelExpr.ExprKind.Kind.IDENT)
            .map(n -> n.expr().ident().name())
            .findFirst()
            .orElse("");
    return "no such attribute(s): id: " + id + ", names: [" + name + "]";
  }
}

package io.gatehouse.cel.library;

import dev.cel.bundle.Cel;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.validator.CelAstValidator;

/**
 * cel-go's {@code cel.ValidateRegexLiterals()} AST validator, which Kubernetes enables from
 * compatibility version 1.29: a {@code matches} call whose first non-receiver argument is a string
 * literal that is not a valid Go regex is reported as {@code invalid matches argument} at that
 * literal. Like cel-go it looks at that argument in the global form too ({@code matches(s, re)}
 * checks {@code s}), and it does not look at Kubernetes' {@code find} / {@code findAll}, whose
 * constant patterns fail at program creation instead (see {@link RegexLibrary}).
 *
 * <p>Stateless singleton; thread-safe.
 */
public final class MatchesLiteralValidator implements CelAstValidator {

  /** The singleton. */
  public static final MatchesLiteralValidator INSTANCE = new MatchesLiteralValidator();

  private MatchesLiteralValidator() {}

  @Override
  public void validate(CelNavigableAst navigableAst, Cel cel, IssuesFactory issuesFactory) {
    navigableAst
        .getRoot()
        .allNodes()
        .map(CelNavigableExpr::expr)
        .filter(e -> e.getKind() == Kind.CALL && e.call().function().equals("matches"))
        .filter(e -> !e.call().args().isEmpty())
        .map(e -> e.call().args().get(0))
        .filter(MatchesLiteralValidator::isStringLiteral)
        .filter(arg -> GoRegexp.syntaxError(arg.constant().stringValue()) != null)
        .forEach(arg -> issuesFactory.addError(arg.id(), "invalid matches argument"));
  }

  private static boolean isStringLiteral(CelExpr e) {
    return e.getKind() == Kind.CONSTANT
        && e.constant().getKind() == CelConstant.Kind.STRING_VALUE;
  }
}

package io.gatehouse.cel;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.bundle.Cel;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.validator.CelAstValidator;

/**
 * cel-go's {@code ValidateRegexLiterals()}: the first argument of every {@code matches} call, when
 * it is a string literal, must compile as an RE2 pattern, else {@code invalid matches argument} at
 * the literal. As in cel-go the receiver does not count as an argument, so the member form checks
 * the pattern while the global form {@code matches(s, p)} checks {@code s}.
 *
 * <p>cel-java's own validator compiles with {@code java.util.regex}, whose syntax differs from
 * RE2's ({@code (?P<name>…)}, possessive quantifiers), hence this replacement. Stateless.
 */
final class MatchesLiteralValidator implements CelAstValidator {

  static final MatchesLiteralValidator INSTANCE = new MatchesLiteralValidator();

  private MatchesLiteralValidator() {}

  @Override
  public void validate(CelNavigableAst navigableAst, Cel cel, IssuesFactory issuesFactory) {
    navigableAst
        .getRoot()
        .allNodes()
        .map(node -> node.expr())
        .filter(e -> e.getKind() == CelExpr.ExprKind.Kind.CALL)
        .filter(e -> e.call().function().equals("matches") && !e.call().args().isEmpty())
        .map(e -> e.call().args().get(0))
        .filter(arg -> arg.getKind() == CelExpr.ExprKind.Kind.CONSTANT)
        .filter(arg -> arg.constant().getKind() == CelConstant.Kind.STRING_VALUE)
        .forEach(
            arg -> {
              try {
                Pattern.compile(arg.constant().stringValue());
              } catch (PatternSyntaxException e) {
                issuesFactory.addError(arg.id(), "invalid matches argument");
              }
            });
  }
}

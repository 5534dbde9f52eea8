package io.gatehouse.cel.library;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelKind;
import dev.cel.validator.CelAstValidator;
import io.gatehouse.cel.library.FormatParser.Verb;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * cel-go's {@code cel.validator.string_format}: a {@code format} call on a string literal with a
 * list literal argument is parsed at compile time; syntax errors, missing or surplus arguments and
 * clause/argument type mismatches are compile errors with cel-go's texts, reported at the call or
 * at the offending argument.
 *
 * <p>Stateless; thread-safe.
 */
final class FormatCallValidator implements CelAstValidator {

  static final FormatCallValidator INSTANCE = new FormatCallValidator();

  private FormatCallValidator() {}

  @Override
  public void validate(CelNavigableAst navigableAst, Cel cel, IssuesFactory issues) {
    CelAbstractSyntaxTree ast = navigableAst.getAst();
    navigableAst
        .getRoot()
        .allNodes()
        .map(CelNavigableExpr::expr)
        .filter(e -> isLiteralFormatCall(ast, e))
        .forEach(e -> check(ast, e, issues));
  }

  private static boolean isLiteralFormatCall(CelAbstractSyntaxTree ast, CelExpr e) {
    if (e.getKind() != Kind.CALL) {
      return false;
    }
    CelExpr.CelCall call = e.call();
    if (call.target().isEmpty() || !call.function().equals("format")) {
      return false;
    }
    List<String> overloads =
        ast.getReference(e.id()).map(r -> (List<String>) r.overloadIds()).orElse(List.of());
    if (!overloads.isEmpty() && !overloads.contains(StringsLibrary.FORMAT_OVERLOAD)) {
      return false;
    }
    CelExpr target = call.target().get();
    return target.getKind() == Kind.CONSTANT
        && target.constant().getKind() == CelConstant.Kind.STRING_VALUE
        && call.args().size() == 1
        && call.args().get(0).getKind() == Kind.LIST;
  }

  private static void check(CelAbstractSyntaxTree ast, CelExpr call, IssuesFactory issues) {
    List<CelExpr> args = call.call().args().get(0).list().elements();
    ArgumentChecker checker = new ArgumentChecker(ast, args);
    try {
      FormatParser.format(call.call().target().get().constant().stringValue(), checker);
    } catch (FormatException e) {
      long at = e.exprId() == FormatException.AT_CALL ? call.id() : e.exprId();
      issues.addError(at, e.getMessage());
      return;
    }
    if (args.size() > checker.requested) {
      issues.addError(
          call.id(),
          "too many arguments supplied to string.format (expected "
              + checker.requested + ", got " + args.size() + ")");
    }
  }

  /** cel-go's {@code stringFormatChecker}: checks the static type of each requested argument. */
  private static final class ArgumentChecker implements FormatParser.Target {
    private static final Set<CelKind> STRING_KINDS =
        EnumSet.of(CelKind.LIST, CelKind.MAP, CelKind.INT, CelKind.UINT, CelKind.DOUBLE,
            CelKind.BOOL, CelKind.STRING, CelKind.TIMESTAMP, CelKind.BYTES, CelKind.DURATION,
            CelKind.TYPE, CelKind.NULL_TYPE);

    private final CelAbstractSyntaxTree ast;
    private final List<CelExpr> args;
    private int requested;
    private int current;

    ArgumentChecker(CelAbstractSyntaxTree ast, List<CelExpr> args) {
      this.ast = ast;
      this.args = args;
    }

    @Override
    public void argument(int index) {
      requested++;
      current = index;
    }

    @Override
    public int size() {
      return args.size();
    }

    @Override
    public String format(Verb verb, long precision) {
      CelExpr arg = args.get(current);
      switch (verb) {
        case STRING -> verifyString(arg);
        case DECIMAL -> require(arg, "decimal clause can only be used on integers",
            CelKind.INT, CelKind.UINT);
        case FIXED -> require(arg, "fixed-point clause can only be used on doubles",
            CelKind.DOUBLE, CelKind.STRING);
        case SCIENTIFIC -> require(arg, "scientific clause can only be used on doubles",
            CelKind.DOUBLE, CelKind.STRING);
        case BINARY -> require(arg, "only integers and bools can be formatted as binary",
            CelKind.INT, CelKind.UINT, CelKind.BOOL);
        case HEX, HEX_UPPER -> require(arg,
            "only integers, byte buffers, and strings can be formatted as hex",
            CelKind.INT, CelKind.UINT, CelKind.STRING, CelKind.BYTES);
        case OCTAL -> require(arg, "octal clause can only be used on integers",
            CelKind.INT, CelKind.UINT);
      }
      return "";
    }

    private void require(CelExpr arg, String message, CelKind... kinds) {
      CelKind kind = kindOf(arg);
      if (kind != CelKind.DYN && !Set.of(kinds).contains(kind)) {
        throw new FormatException(message + ", was given " + typeName(arg), arg.id());
      }
    }

    private void verifyString(CelExpr e) {
      CelKind kind = kindOf(e);
      if (kind != CelKind.DYN && !STRING_KINDS.contains(kind)) {
        throw new FormatException(
            "string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists,"
                + " types, durations, and timestamps, was given " + typeName(e),
            e.id());
      }
      if (e.getKind() == Kind.LIST) {
        e.list().elements().forEach(this::verifyString);
      } else if (e.getKind() == Kind.MAP) {
        for (CelExpr.CelMap.Entry entry : e.map().entries()) {
          verifyString(entry.key());
          verifyString(entry.value());
        }
      }
    }

    private CelKind kindOf(CelExpr e) {
      return ast.getType(e.id()).map(t -> t.kind()).orElse(CelKind.DYN);
    }

    private String typeName(CelExpr e) {
      return ast.getType(e.id()).map(t -> t.name()).orElse("dyn");
    }
  }
}

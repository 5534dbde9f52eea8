package io.gatehouse.cel.library;

import com.google.common.collect.ImmutableList;
import dev.cel.common.CelIssue;
import dev.cel.common.Operator;
import dev.cel.common.ast.CelExpr;
import dev.cel.parser.CelMacro;
import dev.cel.parser.CelMacroExprFactory;
import java.util.List;
import java.util.Optional;

/**
 * The two-variable comprehension macros of cel-go's {@code ext/comprehensions.go}, expanded to
 * the same comprehensions and rejecting bad iteration variables with cel-go's parse errors ({@code
 * argument must be a simple name}, {@code duplicate variable name: x}, {@code iteration variable
 * overwrites accumulator variable}). Stateless; thread-safe.
 */
final class TwoVarMacros {

  private static final String LEGACY_ACCUMULATOR = "__result__";

  private TwoVarMacros() {}

  static List<CelMacro> all() {
    return List.of(
        CelMacro.newReceiverMacro("all", 3, TwoVarMacros::all),
        CelMacro.newReceiverMacro("exists", 3, TwoVarMacros::exists),
        CelMacro.newReceiverMacro("existsOne", 3, TwoVarMacros::existsOne),
        CelMacro.newReceiverMacro("exists_one", 3, TwoVarMacros::existsOne),
        CelMacro.newReceiverMacro("transformList", 3, TwoVarMacros::transformList),
        CelMacro.newReceiverMacro("transformList", 4, TwoVarMacros::transformList),
        CelMacro.newReceiverMacro("transformMap", 3, TwoVarMacros::transformMap),
        CelMacro.newReceiverMacro("transformMap", 4, TwoVarMacros::transformMap),
        CelMacro.newReceiverMacro("transformMapEntry", 3, TwoVarMacros::transformMapEntry),
        CelMacro.newReceiverMacro("transformMapEntry", 4, TwoVarMacros::transformMapEntry));
  }

  private static Optional<CelExpr> all(
      CelMacroExprFactory f, CelExpr target, ImmutableList<CelExpr> args) {
    return expand(f, target, args, (vars, accu) -> fold(f, target, vars,
        f.newBoolLiteral(true),
        f.newGlobalCall(Operator.NOT_STRICTLY_FALSE.getFunction(), accu.get()),
        f.newGlobalCall(Operator.LOGICAL_AND.getFunction(), accu.get(), args.get(2)),
        accu.get()));
  }

  private static Optional<CelExpr> exists(
      CelMacroExprFactory f, CelExpr target, ImmutableList<CelExpr> args) {
    return expand(f, target, args, (vars, accu) -> fold(f, target, vars,
        f.newBoolLiteral(false),
        f.newGlobalCall(Operator.NOT_STRICTLY_FALSE.getFunction(),
            f.newGlobalCall(Operator.LOGICAL_NOT.getFunction(), accu.get())),
        f.newGlobalCall(Operator.LOGICAL_OR.getFunction(), accu.get(), args.get(2)),
        accu.get()));
  }

  private static Optional<CelExpr> existsOne(
      CelMacroExprFactory f, CelExpr target, ImmutableList<CelExpr> args) {
    return expand(f, target, args, (vars, accu) -> fold(f, target, vars,
        f.newIntLiteral(0),
        f.newBoolLiteral(true),
        f.newGlobalCall(Operator.CONDITIONAL.getFunction(), args.get(2),
            f.newGlobalCall(Operator.ADD.getFunction(), accu.get(), f.newIntLiteral(1)),
            accu.get()),
        f.newGlobalCall(Operator.EQUALS.getFunction(), accu.get(), f.newIntLiteral(1))));
  }

  private static Optional<CelExpr> transformList(
      CelMacroExprFactory f, CelExpr target, ImmutableList<CelExpr> args) {
    return expand(f, target, args, (vars, accu) -> {
      CelExpr transform = args.get(args.size() - 1);
      CelExpr step = f.newGlobalCall(Operator.ADD.getFunction(), accu.get(), f.newList(transform));
      return fold(f, target, vars, f.newList(), f.newBoolLiteral(true),
          filtered(f, args, step, accu), accu.get());
    });
  }

  private static Optional<CelExpr> transformMap(
      CelMacroExprFactory f, CelExpr target, ImmutableList<CelExpr> args) {
    return expand(f, target, args, (vars, accu) -> {
      CelExpr transform = args.get(args.size() - 1);
      CelExpr step = f.newGlobalCall(TwoVarComprehensionsLibrary.MAP_INSERT, accu.get(),
          f.newIdentifier(vars[0]), transform);
      return fold(f, target, vars, f.newMap(), f.newBoolLiteral(true),
          filtered(f, args, step, accu), accu.get());
    });
  }

  private static Optional<CelExpr> transformMapEntry(
      CelMacroExprFactory f, CelExpr target, ImmutableList<CelExpr> args) {
    return expand(f, target, args, (vars, accu) -> {
      CelExpr transform = args.get(args.size() - 1);
      CelExpr step = f.newGlobalCall(TwoVarComprehensionsLibrary.MAP_INSERT, accu.get(), transform);
      return fold(f, target, vars, f.newMap(), f.newBoolLiteral(true),
          filtered(f, args, step, accu), accu.get());
    });
  }

  /** With four arguments the third is a filter: {@code filter ? step : accumulator}. */
  private static CelExpr filtered(
      CelMacroExprFactory f, List<CelExpr> args, CelExpr step, Accumulator accu) {
    if (args.size() < 4) {
      return step;
    }
    return f.newGlobalCall(Operator.CONDITIONAL.getFunction(), args.get(2), step, accu.get());
  }

  private static CelExpr fold(CelMacroExprFactory f, CelExpr target, String[] vars,
      CelExpr init, CelExpr condition, CelExpr step, CelExpr result) {
    return f.fold(vars[0], vars[1], target, f.getAccumulatorVarName(), init, condition, step,
        result);
  }

  /** Fresh references to the accumulator variable. */
  @FunctionalInterface
  private interface Accumulator {
    CelExpr get();
  }

  @FunctionalInterface
  private interface Expansion {
    CelExpr expand(String[] vars, Accumulator accu);
  }

  private static Optional<CelExpr> expand(
      CelMacroExprFactory f, CelExpr target, ImmutableList<CelExpr> args, Expansion expansion) {
    CelExpr first = args.get(0);
    CelExpr second = args.get(1);
    if (first.getKind() != CelExpr.ExprKind.Kind.IDENT) {
      return Optional.of(error(f, first, "argument must be a simple name"));
    }
    if (second.getKind() != CelExpr.ExprKind.Kind.IDENT) {
      return Optional.of(error(f, second, "argument must be a simple name"));
    }
    String v1 = first.ident().name();
    String v2 = second.ident().name();
    if (v1.equals(v2)) {
      return Optional.of(error(f, second, "duplicate variable name: " + v1));
    }
    if (isAccumulator(f, v1)) {
      return Optional.of(error(f, first, "iteration variable overwrites accumulator variable"));
    }
    if (isAccumulator(f, v2)) {
      return Optional.of(error(f, second, "iteration variable overwrites accumulator variable"));
    }
    String accuName = f.getAccumulatorVarName();
    return Optional.of(expansion.expand(new String[] {v1, v2}, () -> f.newIdentifier(accuName)));
  }

  private static boolean isAccumulator(CelMacroExprFactory f, String name) {
    return name.equals(f.getAccumulatorVarName()) || name.equals(LEGACY_ACCUMULATOR);
  }

  private static CelExpr error(CelMacroExprFactory f, CelExpr at, String message) {
    return f.reportError(CelIssue.formatError(f.getSourceLocation(at), message));
  }
}

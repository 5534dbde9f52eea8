package io.gatehouse.cel.library;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.FoldedConstants;
import io.gatehouse.cel.KubernetesLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code kubernetes.regex} library: {@code <string>.find(<string>)}, {@code
 * <string>.findAll(<string>)} and {@code <string>.findAll(<string>, <int>)} with Go's RE2
 * semantics. A pattern that does not compile fails the call with {@code Illegal regex: <Go's
 * error>}.
 *
 * <p>As upstream (through cel-go's regex program optimizations), a constant pattern is compiled
 * when the program is created, so a bad one fails compilation as a program instantiation error;
 * this covers cel-go's own {@code matches} as well, which Kubernetes' {@code OptOptimize} option
 * precompiles the same way. Immutable singleton; thread-safe.
 */
public final class RegexLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final RegexLibrary INSTANCE = new RegexLibrary();

  /** Functions whose argument 1 (counting a receiver as 0) cel-go precompiles when constant. */
  private static final Set<String> PRECOMPILED = Set.of("find", "findAll", "matches");

  private RegexLibrary() {}

  @Override
  public String name() {
    return "kubernetes.regex";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {
    checkerBuilder.addFunctionDeclarations(
        CelFunctionDecl.newFunctionDeclaration(
            "find",
            CelOverloadDecl.newMemberOverload(
                "string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "findAll",
            CelOverloadDecl.newMemberOverload(
                "string_find_all_string",
                ListType.create(SimpleType.STRING),
                SimpleType.STRING,
                SimpleType.STRING),
            CelOverloadDecl.newMemberOverload(
                "string_find_all_string_int",
                ListType.create(SimpleType.STRING),
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.INT)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {
    runtimeBuilder.addFunctionBindings(
        CelFunctionBinding.from(
            "string_find_string",
            String.class,
            String.class,
            (s, regex) -> GoRegexp.findString(compile(regex), s)),
        CelFunctionBinding.from(
            "string_find_all_string",
            String.class,
            String.class,
            (s, regex) -> GoRegexp.findAllString(compile(regex), s, -1)),
        CelFunctionBinding.from(
            "string_find_all_string_int",
            List.of(String.class, String.class, Long.class),
            args ->
                GoRegexp.findAllString(compile((String) args[1]), (String) args[0], (Long) args[2])));
  }

  /**
   * Returns Go's compile error for the pattern of a {@code find}, {@code findAll} or {@code
   * matches} call when cel-go's planner sees a constant string there (a literal, or a folded
   * conversion such as {@code dyn('[')}) and precompiles it.
   */
  @Override
  public Optional<String> programError(CelExpr expr, FoldedConstants constants) {
    if (expr.getKind() != Kind.CALL || !PRECOMPILED.contains(expr.call().function())) {
      return Optional.empty();
    }
    List<CelExpr> operands = new ArrayList<>();
    expr.call().target().ifPresent(operands::add);
    operands.addAll(expr.call().args());
    if (operands.size() < 2) {
      return Optional.empty();
    }
    return constants
        .value(operands.get(1))
        .filter(String.class::isInstance)
        .map(pattern -> GoRegexp.syntaxError((String) pattern));
  }

  private static Pattern compile(String regex) {
    try {
      return GoRegexp.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new StandardFunctionException("Illegal regex: " + GoRegexp.goMessage(e, regex));
    }
  }
}

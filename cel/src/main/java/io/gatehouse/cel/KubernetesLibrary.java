package io.gatehouse.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.runtime.CelRuntimeLibrary;
import dev.cel.validator.CelAstValidator;
import java.util.List;
import java.util.Optional;

/**
 * One CEL function library of the Kubernetes base environment (or a cel-go extension at the
 * version Kubernetes pins): its declarations for the compiler and its bindings for the runtime.
 *
 * <p>Implementations are immutable singletons and thread-safe. Functions report failures by
 * throwing {@link dev.cel.common.exceptions.CelRuntimeException} subclasses whose message is the
 * exact text cel-go or the Kubernetes library produces, because that text reaches users in
 * admission messages.
 */
public interface KubernetesLibrary extends CelCompilerLibrary, CelRuntimeLibrary {

  /** Returns the library's name as in upstream's base environment ({@code "kubernetes.lists"}). */
  String name();

  /**
   * Returns the error cel-go reports when, creating a program, it plans node {@code expr} of the
   * checked AST (Kubernetes words it {@code program instantiation failed: <error>}), e.g. a
   * constant regex pattern that does not compile; empty when there is none. Called for every node,
   * operands before the call, after cel-go's constant folding has decided the node: {@code
   * constants} tells which nodes are constants by then. The default reports nothing.
   */
  default Optional<String> programError(CelExpr expr, FoldedConstants constants) {
    return Optional.empty();
  }

  /**
   * Returns the AST that cel-java's runtime should plan for {@code checked}. Libraries whose
   * overloads cel-java cannot tell apart by Java argument classes use this to route calls that
   * the checker left ambiguous to one dispatching binding, as cel-go dispatches them. Type and
   * expression ids are unchanged. The default returns {@code checked}.
   */
  default CelAbstractSyntaxTree runtimeAst(CelAbstractSyntaxTree checked) {
    return checked;
  }

  /**
   * Returns this library as the cel-go release vendored by a Kubernetes server of {@code server}
   * implements it. Libraries whose behaviour did not change across the supported releases return
   * {@code this}.
   */
  default KubernetesLibrary forServer(KubernetesVersion server) {
    return this;
  }

  /**
   * Returns the checks this library adds to every compilation after type-checking (cel-go's {@code
   * cel.ASTValidators} contributed by a library); none by default.
   */
  default List<CelAstValidator> astValidators() {
    return List.of();
  }
}

package io.gatehouse.cel;

import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.runtime.CelRuntimeLibrary;
import dev.cel.validator.CelAstValidator;
import java.util.List;

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

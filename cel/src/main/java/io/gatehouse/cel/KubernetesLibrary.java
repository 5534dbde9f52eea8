package io.gatehouse.cel;

import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.runtime.CelRuntimeLibrary;

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
}

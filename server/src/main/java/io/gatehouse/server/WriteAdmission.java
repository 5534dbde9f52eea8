package io.gatehouse.server;

import java.util.List;

/**
 * Validating admission as the registry sees it: a callback, so that the registry never depends on
 * the admission plugins (kube-apiserver's {@code rest.ValidateObjectFunc}). Implementations are
 * thread-safe.
 */
@FunctionalInterface
interface WriteAdmission {

  /** Admits everything. */
  WriteAdmission NONE = request -> List.of();

  /**
   * Returns the warnings for {@code request}, or throws to deny it.
   *
   * @throws io.gatehouse.api.StatusException with the Status the client receives
   */
  List<String> validate(WriteRequest request);
}

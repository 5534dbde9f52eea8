package io.gatehouse.server;

import java.util.List;

/**
 * Admission as the registry sees it: callbacks, so that the registry never depends on the
 * admission plugins (kube-apiserver's mutating admission before the registry's create and
 * update, and its {@code rest.ValidateObjectFunc} after). Implementations are thread-safe.
 */
@FunctionalInterface
interface WriteAdmission {

  /** Admits everything. */
  WriteAdmission NONE = request -> List.of();

  /**
   * The mutating phase: may change {@code request.object()} in place (the registry's own copy),
   * before the registry prepares and validates it. Returns the warnings, or throws to deny.
   * Changes nothing by default.
   *
   * @throws io.gatehouse.api.StatusException with the Status the client receives
   */
  default List<String> admit(WriteRequest request) {
    return List.of();
  }

  /**
   * The validating phase: returns the warnings for {@code request}, or throws to deny it.
   *
   * @throws io.gatehouse.api.StatusException with the Status the client receives
   */
  List<String> validate(WriteRequest request);
}

package io.gatehouse.admission.expression;

import dev.cel.common.CelErrorCode;
import dev.cel.common.exceptions.CelRuntimeException;

/** The error of a composited variable, surfacing in the expression that reads it. */
final class VariableException extends CelRuntimeException {

  private static final long serialVersionUID = 1L;

  VariableException(String message) {
    super(new IllegalStateException(message), CelErrorCode.INTERNAL_ERROR);
  }
}

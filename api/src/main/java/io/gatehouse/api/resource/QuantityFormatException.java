package io.gatehouse.api.resource;

/**
 * A string that is not a quantity. The message is apimachinery's error text, byte for byte, because
 * it reaches users in API errors and in CEL evaluation errors.
 */
public final class QuantityFormatException extends IllegalArgumentException {

  /** apimachinery's {@code ErrFormatWrong}. */
  public static final String FORMAT_WRONG =
      "quantities must match the regular expression"
          + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

  /** apimachinery's {@code ErrNumeric}. */
  public static final String NUMERIC = "unable to parse numeric part of quantity";

  /** apimachinery's {@code ErrSuffix}. */
  public static final String SUFFIX = "unable to parse quantity's suffix";

  QuantityFormatException(String message) {
    super(message);
  }
}

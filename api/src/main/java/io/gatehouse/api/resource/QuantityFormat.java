package io.gatehouse.api.resource;

/**
 * How a quantity writes its suffix, as apimachinery's {@code resource.Format}. A parsed quantity
 * remembers the kind of suffix it was written with and uses it again when printed.
 */
public enum QuantityFormat {
  /** A decimal exponent, e.g. {@code 12e6}. */
  DECIMAL_EXPONENT,
  /** A power-of-two suffix, e.g. {@code 12Mi} (12 × 2^20). */
  BINARY_SI,
  /** A decimal SI suffix, e.g. {@code 12M} (12 × 10^6). */
  DECIMAL_SI
}

package io.gatehouse.api.authz;

/**
 * The operator of a field or label selector requirement, as apimachinery's {@code
 * selection.Operator}; {@link #value()} is upstream's string.
 */
public enum SelectorOperator {
  /** {@code !key}: the label is absent. */
  DOES_NOT_EXIST("!"),
  /** {@code key=value}. */
  EQUALS("="),
  /** {@code key==value}. */
  DOUBLE_EQUALS("=="),
  /** {@code key in (a,b)}. */
  IN("in"),
  /** {@code key!=value}. */
  NOT_EQUALS("!="),
  /** {@code key notin (a,b)}. */
  NOT_IN("notin"),
  /** {@code key}: the label is present. */
  EXISTS("exists"),
  /** {@code key>n}. */
  GREATER_THAN("gt"),
  /** {@code key<n}. */
  LESS_THAN("lt");

  private final String value;

  SelectorOperator(String value) {
    this.value = value;
  }

  /** Returns upstream's string for this operator, e.g. {@code notin}. */
  public String value() {
    return value;
  }
}

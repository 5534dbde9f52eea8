package io.gatehouse.admission;

/** An admission operation, as upstream's {@code admission.Operation}. */
public enum Operation {
  /** An object is created. */
  CREATE,
  /** An object is replaced or patched. */
  UPDATE,
  /** An object is deleted. */
  DELETE,
  /** A connect request ({@code pods/exec}, {@code pods/portforward}, …). */
  CONNECT;

  /**
   * Parses {@code CREATE}, {@code UPDATE}, {@code DELETE} or {@code CONNECT}.
   *
   * @throws IllegalArgumentException naming the accepted values otherwise
   */
  public static Operation parse(String text) {
    for (Operation o : values()) {
      if (o.name().equals(text)) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "invalid operation \"" + text + "\": must be one of CREATE, UPDATE, DELETE, CONNECT");
  }
}

package io.gatehouse.api.catalog;

/** Whether a resource lives in a namespace or at cluster level; discovery's {@code scope}. */
public enum Scope {
  /** The resource lives in a namespace. */
  NAMESPACED("Namespaced"),
  /** The resource lives at cluster level. */
  CLUSTER("Cluster");

  private final String wire;

  Scope(String wire) {
    this.wire = wire;
  }

  /** Returns the wire name used by discovery and CRDs: {@code Namespaced} or {@code Cluster}. */
  public String wire() {
    return wire;
  }

  /**
   * Returns the scope named {@code wire}.
   *
   * @throws IllegalArgumentException if {@code wire} is neither {@code Namespaced} nor {@code
   *     Cluster}
   */
  public static Scope fromWire(String wire) {
    for (Scope s : values()) {
      if (s.wire.equals(wire)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scope \"" + wire + "\"");
  }
}

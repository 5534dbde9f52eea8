package io.gatehouse.admission.podsecurity;

import java.util.Optional;

/**
 * A Pod Security Standards level, as upstream's {@code api.Level}. Declared from least to most
 * strict, so {@link #compareTo} orders by strictness as upstream's {@code CompareLevels} does.
 */
public enum Level {
  /** No restrictions. */
  PRIVILEGED("privileged"),
  /** Prevents known privilege escalations. */
  BASELINE("baseline"),
  /** Current pod hardening best practices. */
  RESTRICTED("restricted");

  /** Upstream's error text for an unknown level. */
  static final String INVALID = "must be one of privileged, baseline, restricted";

  private final String wire;

  Level(String wire) {
    this.wire = wire;
  }

  /** Returns the label value, e.g. {@code baseline}. */
  public String wire() {
    return wire;
  }

  /** Returns the level spelled {@code text} exactly (case-sensitive), if any. */
  public static Optional<Level> fromWire(String text) {
    for (Level l : values()) {
      if (l.wire.equals(text)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a level as upstream's {@code ParseLevel}.
   *
   * @throws IllegalArgumentException with upstream's text {@code must be one of privileged,
   *     baseline, restricted} for anything else
   */
  public static Level parse(String text) {
    return fromWire(text).orElseThrow(() -> new IllegalArgumentException(INVALID));
  }

  @Override
  public String toString() {
    return wire;
  }
}

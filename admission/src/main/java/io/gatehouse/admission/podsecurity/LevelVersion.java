package io.gatehouse.admission.podsecurity;

/**
 * A level at a policy version, as upstream's {@code api.LevelVersion}; printed {@code
 * restricted:latest}.
 *
 * @param level the level
 * @param version the version
 */
public record LevelVersion(Level level, Version version) {

  /** {@code privileged:latest}, the default of every mode. */
  public static final LevelVersion PRIVILEGED_LATEST =
      new LevelVersion(Level.PRIVILEGED, Version.LATEST);

  /** Returns {@code level} at {@code latest}. */
  public static LevelVersion latest(Level level) {
    return new LevelVersion(level, Version.LATEST);
  }

  /**
   * Parses {@code LEVEL[:VERSION]} (the CLI's {@code --pod-security} value); the version defaults
   * to {@code latest}.
   *
   * @throws IllegalArgumentException naming the accepted values, e.g. {@code invalid Pod Security
   *     level "strict": must be one of privileged, baseline, restricted}
   */
  public static LevelVersion parse(String text) {
    int colon = text.indexOf(':');
    String level = colon < 0 ? text : text.substring(0, colon);
    String version = colon < 0 ? "latest" : text.substring(colon + 1);
    Level l =
        Level.fromWire(level)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "invalid Pod Security level "
                            + GoText.quote(level)
                            + ": "
                            + Level.INVALID));
    Version v =
        Version.tryParse(version)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "invalid Pod Security version "
                            + GoText.quote(version)
                            + ": "
                            + Version.INVALID));
    return new LevelVersion(l, v);
  }

  /**
   * Returns whether both are privileged (whatever their versions) or both level and version are
   * equal, as upstream's {@code LevelVersion.Equivalent}.
   */
  public boolean equivalent(LevelVersion other) {
    return (level == Level.PRIVILEGED && other.level == Level.PRIVILEGED) || equals(other);
  }

  /** Returns {@code <level>:<version>}. */
  @Override
  public String toString() {
    return level + ":" + version;
  }
}

package io.gatehouse.admission.podsecurity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy version, as upstream's {@code api.Version}: {@code v1.<minor>} or {@code latest}. {@code
 * latest} is newer than every numbered version, including future ones; a numbered version newer
 * than the newest check evaluates as the newest.
 *
 * @param major the major version (always 1 when not latest, 0 for latest)
 * @param minor the minor version (0 for latest)
 * @param latest whether this is {@code latest}
 */
public record Version(int major, long minor, boolean latest) implements Comparable<Version> {

  /** {@code latest}. */
  public static final Version LATEST = new Version(0, 0, true);

  /** Upstream's error text for a malformed version. */
  static final String INVALID = "must be \"latest\" or \"v1.x\"";

  private static final Pattern PATTERN = Pattern.compile("v1\\.([0-9]|[1-9][0-9]*)");

  /** Returns {@code v1.<minor>}. */
  public static Version of(long minor) {
    if (minor < 0) {
      throw new IllegalArgumentException("negative minor version " + minor);
    }
    return new Version(1, minor, false);
  }

  /** Parses {@code latest} or {@code v1.x} as upstream's {@code ParseVersion}, if well formed. */
  public static Optional<Version> tryParse(String text) {
    if (text.equals("latest")) {
      return Optional.of(LATEST);
    }
    Matcher m = PATTERN.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      // Go's strconv.Atoi accepts any int64
      return Optional.of(of(Long.parseLong(m.group(1))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses as upstream's {@code ParseVersion}.
   *
   * @throws IllegalArgumentException with upstream's text {@code must be "latest" or "v1.x"}
   */
  public static Version parse(String text) {
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException(INVALID));
  }

  /** Returns whether this version is older than {@code other}, as upstream's {@code Older}. */
  public boolean older(Version other) {
    if (latest) {
      return false;
    }
    if (other.latest) {
      return true;
    }
    if (major != other.major) {
      return major < other.major;
    }
    return minor < other.minor;
  }

  @Override
  public int compareTo(Version other) {
    return older(other) ? -1 : other.older(this) ? 1 : 0;
  }

  /** Returns {@code latest} or {@code v1.<minor>}. */
  @Override
  public String toString() {
    return latest ? "latest" : "v" + major + "." + minor;
  }
}

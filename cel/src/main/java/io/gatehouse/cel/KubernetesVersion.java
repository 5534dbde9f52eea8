package io.gatehouse.cel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes {@code major.minor} version, used as the CEL compatibility version: it decides which
 * libraries and language options an environment offers, as upstream's {@code environment.EnvSet}
 * does.
 *
 * <p>Immutable and thread-safe.
 *
 * @param major the major version, at least 1
 * @param minor the minor version, at least 0
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {

  /** The newest Kubernetes minor whose CEL environment Gatehouse implements. */
  public static final KubernetesVersion NEWEST = new KubernetesVersion(1, 33);

  /** The oldest Kubernetes minor a user may select ({@code --kubernetes-version}). */
  public static final KubernetesVersion OLDEST = new KubernetesVersion(1, 28);

  /** The version Gatehouse behaves as unless told otherwise. */
  public static final KubernetesVersion DEFAULT = NEWEST;

  private static final Pattern FORMAT = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})");

  /**
   * Creates a version.
   *
   * @throws IllegalArgumentException if {@code major < 1} or {@code minor < 0}
   */
  public KubernetesVersion {
    if (major < 1 || minor < 0) {
      throw new IllegalArgumentException("invalid Kubernetes version " + major + "." + minor);
    }
  }

  /** Returns the version {@code major.minor}. */
  public static KubernetesVersion of(int major, int minor) {
    return new KubernetesVersion(major, minor);
  }

  /**
   * Parses {@code 1.30} or {@code v1.30}.
   *
   * @throws IllegalArgumentException naming the accepted form if {@code text} is not a version
   */
  public static KubernetesVersion parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid Kubernetes version \"" + text + "\": expected MAJOR.MINOR, e.g. 1.30");
    }
    return new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** Returns the previous minor version (the compatibility version for new expressions). */
  public KubernetesVersion previous() {
    return minor == 0 ? this : new KubernetesVersion(major, minor - 1);
  }

  /** Returns whether this version is at least {@code other}. */
  public boolean atLeast(KubernetesVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(KubernetesVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}

package io.gatehouse.cel;

/**
 * Which of upstream's two environments an expression is compiled in.
 *
 * <p>kube-apiserver compiles expressions that are new or changed in a write with the libraries of
 * its compatibility version (one minor back), and expressions already stored with everything the
 * binary knows, so that a rollback never strands stored objects.
 */
public enum EnvironmentType {
  /** Expressions being written for the first time: libraries up to the previous minor. */
  NEW_EXPRESSIONS,
  /** Expressions already persisted, and every expression at admission time. */
  STORED_EXPRESSIONS;

  /**
   * Returns the compatibility version whose libraries this environment type offers on a server of
   * {@code serverVersion}.
   */
  public KubernetesVersion compatibilityVersion(KubernetesVersion serverVersion) {
    return switch (this) {
      case NEW_EXPRESSIONS -> serverVersion.previous();
      case STORED_EXPRESSIONS -> serverVersion;
    };
  }
}

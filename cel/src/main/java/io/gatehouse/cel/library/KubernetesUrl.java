package io.gatehouse.cel.library;

import dev.cel.common.types.OpaqueType;
import dev.cel.common.values.OpaqueValue;

/**
 * A CEL value of type {@code kubernetes.URL}, as produced by {@code url(<string>)}: a URL parsed
 * with Go's {@code net/url.Parse} rules. Two URLs are equal when their Go {@code String()} forms
 * are equal, as upstream's {@code URL.Equal} decides.
 *
 * <p>Immutable; thread-safe.
 */
public final class KubernetesUrl extends OpaqueValue {

  /** The CEL type {@code kubernetes.URL}. */
  public static final OpaqueType TYPE = OpaqueType.create("kubernetes.URL");

  private final GoUrl url;

  KubernetesUrl(GoUrl url) {
    this.url = url;
  }

  GoUrl url() {
    return url;
  }

  @Override
  public Object value() {
    return this;
  }

  @Override
  public OpaqueType celType() {
    return TYPE;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KubernetesUrl u && url.toString().equals(u.url.toString());
  }

  @Override
  public int hashCode() {
    return url.toString().hashCode();
  }

  /** Returns the URL in Go's canonical {@code String()} form. */
  @Override
  public String toString() {
    return GoStrings.fromBytes(url.toString());
  }
}

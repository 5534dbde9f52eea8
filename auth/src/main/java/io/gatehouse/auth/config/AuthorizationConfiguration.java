package io.gatehouse.auth.config;

import java.util.List;

/**
 * An {@code AuthorizationConfiguration} after decoding and defaulting (upstream's internal type).
 *
 * <p>Immutable.
 *
 * @param authorizers the authorizers, in the order they are asked
 */
public record AuthorizationConfiguration(List<AuthorizerConfiguration> authorizers) {

  /** The API group of the file's {@code apiVersion}. */
  public static final String GROUP = "apiserver.config.k8s.io";

  /** The versions this group serves the kind in. */
  public static final List<String> VERSIONS = List.of("v1", "v1beta1", "v1alpha1");

  /** Copies the list. */
  public AuthorizationConfiguration {
    authorizers = List.copyOf(authorizers);
  }
}

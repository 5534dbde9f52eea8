package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.auth.config.GoDurations;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The service-account flags of kube-apiserver and kube-controller-manager, checked with their
 * messages. Unlike kube-apiserver, nothing is required: without {@code
 * --service-account-signing-key-file} the server signs with a key it generates under the data
 * directory, and without {@code --service-account-issuer} it uses {@value #DEFAULT_ISSUER}.
 * Immutable.
 *
 * @param signingKeyFile {@code --service-account-signing-key-file}
 * @param keyFiles {@code --service-account-key-file} (verification keys; the signing key's public
 *     half is always added)
 * @param issuers {@code --service-account-issuer}: the first signs, all are accepted
 * @param apiAudiences {@code --api-audiences}; empty means the issuers
 * @param maxTokenExpiration {@code --service-account-max-token-expiration}, if set
 * @param jwksUri {@code --service-account-jwks-uri}, if set
 * @param extendTokenExpiration {@code --service-account-extend-token-expiration}
 * @param legacyTokenCleanUpPeriod {@code --legacy-service-account-token-clean-up-period}
 */
public record ServiceAccountOptions(
    Optional<Path> signingKeyFile,
    List<Path> keyFiles,
    List<String> issuers,
    List<String> apiAudiences,
    Optional<Duration> maxTokenExpiration,
    Optional<String> jwksUri,
    boolean extendTokenExpiration,
    Duration legacyTokenCleanUpPeriod) {

  /** The issuer used when none is configured (kubeadm's and k3s's). */
  public static final String DEFAULT_ISSUER = "https://kubernetes.default.svc.cluster.local";

  /** kube-controller-manager's default clean-up period: a year. */
  public static final Duration DEFAULT_CLEAN_UP_PERIOD = Duration.ofHours(8760);

  /** The defaults. */
  public static final ServiceAccountOptions DEFAULT = new ServiceAccountOptions(Optional.empty(),
      List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), true,
      DEFAULT_CLEAN_UP_PERIOD);

  /**
   * Checks the flags.
   *
   * @throws IllegalArgumentException with every upstream message, joined by {@code ; }
   */
  public ServiceAccountOptions {
    keyFiles = List.copyOf(keyFiles);
    issuers = List.copyOf(issuers);
    apiAudiences = List.copyOf(apiAudiences);
    List<String> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String issuer : issuers) {
      if (issuer.isEmpty()) {
        errors.add("service-account-issuer should not be an empty string");
        continue;
      }
      if (issuer.contains(":")) {
        try {
          new URI(issuer);
        } catch (URISyntaxException e) {
          errors.add("service-account-issuer contained a ':' but was not a valid URL: parse "
              + GoQuote.quote(issuer) + ": " + e.getReason());
        }
      }
      if (!seen.add(issuer)) {
        errors.add("service-account-issuer " + GoQuote.quote(issuer) + " is already specified");
      }
    }
    if (jwksUri.isPresent()) {
      try {
        URI u = new URI(jwksUri.get());
        if (!"https".equals(u.getScheme())) {
          errors.add("service-account-jwks-uri requires https scheme, parsed as: " + jwksUri.get());
        }
      } catch (URISyntaxException e) {
        errors.add("service-account-jwks-uri must be a valid URL: parse "
            + GoQuote.quote(jwksUri.get()) + ": " + e.getReason());
      }
    }
    if (maxTokenExpiration.isPresent() && !maxTokenExpiration.get().isZero()
        && (maxTokenExpiration.get().compareTo(Duration.ofHours(1)) < 0
            || maxTokenExpiration.get().compareTo(Duration.ofSeconds(1L << 32)) > 0)) {
      errors.add("the service-account-max-token-expiration must be between 1 hour and 2^32 "
          + "seconds");
    }
    if (legacyTokenCleanUpPeriod.isNegative() || legacyTokenCleanUpPeriod.isZero()) {
      errors.add("invalid CleanUpPeriod: " + GoDurations.format(legacyTokenCleanUpPeriod));
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
  }

  /** The issuers in effect: the configured ones, or {@link #DEFAULT_ISSUER}. */
  public List<String> effectiveIssuers() {
    return issuers.isEmpty() ? List.of(DEFAULT_ISSUER) : issuers;
  }

  /** The API audiences in effect: {@code --api-audiences}, or the issuers. */
  public List<String> effectiveApiAudiences() {
    return apiAudiences.isEmpty() ? effectiveIssuers() : apiAudiences;
  }

  /** The maximum token lifetime in seconds, 0 for none. */
  public long maxExpirationSeconds() {
    return maxTokenExpiration.map(Duration::toSeconds).orElse(0L);
  }
}

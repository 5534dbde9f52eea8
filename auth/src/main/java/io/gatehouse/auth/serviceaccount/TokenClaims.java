package io.gatehouse.auth.serviceaccount;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The claims of a service-account token: the registered claims go-jose's {@code jwt.Claims} holds
 * and the private claims of bound ({@link KubernetesClaims}) or legacy ({@link LegacyClaims})
 * tokens. Times are seconds since the epoch. Immutable.
 *
 * @param issuer {@code iss}, empty if absent
 * @param subject {@code sub}, empty if absent
 * @param audiences {@code aud}, empty if absent
 * @param expiry {@code exp}, if present
 * @param notBefore {@code nbf}, if present
 * @param issuedAt {@code iat}, if present
 * @param id {@code jti}, empty if absent
 * @param kubernetes the {@code kubernetes.io} claim, if present (bound tokens)
 * @param legacy the legacy private claims, if this is a legacy token
 */
public record TokenClaims(String issuer, String subject, List<String> audiences,
    @Nullable Long expiry, @Nullable Long notBefore, @Nullable Long issuedAt, String id,
    @Nullable KubernetesClaims kubernetes, @Nullable LegacyClaims legacy) {

  /** Copies the audiences. */
  public TokenClaims {
    audiences = List.copyOf(audiences);
  }

  /** Returns these claims with issuer {@code iss} (the generator sets it). */
  TokenClaims withIssuer(String iss) {
    return new TokenClaims(iss, subject, audiences, expiry, notBefore, issuedAt, id, kubernetes,
        legacy);
  }

  /**
   * Returns the claims of a bound token, as upstream's {@code Claims}: subject, audiences, {@code
   * iat}/{@code nbf} now, {@code exp} now + {@code expirationSeconds}, the JWT id, and {@code
   * kubernetes.io} with the service account and the bound object — a pod's node beside the pod,
   * a node alone when node-bound — and {@code warnafter} now + {@code warnAfterSeconds} when that
   * is not 0. The issuer is left to the {@link TokenGenerator}.
   *
   * @param namespace the service account's namespace
   * @param serviceAccount the service account's name and uid
   * @throws IllegalArgumentException {@code internal error, token can only be bound to one object
   *     type} when a Secret is combined with a pod or node
   */
  public static TokenClaims bound(String namespace, ObjectRef serviceAccount, @Nullable ObjectRef pod,
      @Nullable ObjectRef secret, @Nullable ObjectRef node, long expirationSeconds,
      long warnAfterSeconds, List<String> audiences, Instant now, String jti) {
    if (secret != null && (node != null || pod != null)) {
      throw new IllegalArgumentException(
          "internal error, token can only be bound to one object type");
    }
    long t = now.getEpochSecond();
    KubernetesClaims k = new KubernetesClaims(namespace, serviceAccount, pod, secret, node,
        warnAfterSeconds != 0 ? t + warnAfterSeconds : null);
    return new TokenClaims("", ServiceAccountNames.username(namespace, serviceAccount.name()),
        audiences, t + expirationSeconds, t, t, jti, k, null);
  }

  /**
   * Returns the claims of a legacy Secret token, as upstream's {@code LegacyClaims}: the subject
   * and the four private claims; no audience, times or id.
   */
  public static TokenClaims legacy(String namespace, String serviceAccountName,
      String serviceAccountUid, String secretName) {
    return new TokenClaims("", ServiceAccountNames.username(namespace, serviceAccountName),
        List.of(), null, null, null, "", null,
        new LegacyClaims(serviceAccountName, serviceAccountUid, secretName, namespace));
  }
}

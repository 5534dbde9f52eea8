package io.gatehouse.auth.serviceaccount;

import io.gatehouse.api.Unstructured;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Validates bound (TokenRequest) tokens as upstream's {@code claims.go} validator with the
 * KEP-4193 gates on: the times with go-jose's one-minute leeway, then the service account (name,
 * uid, not deleted more than a minute ago), the bound Secret, pod or node likewise; a pod-bound
 * token's node is only reported, not checked. Thread-safe.
 */
final class BoundTokenValidator implements TokenValidator {

  /** go-jose's {@code jwt.DefaultLeeway}. */
  static final Duration LEEWAY = Duration.ofMinutes(1);

  static final String INVALIDATED = "service account token has been invalidated";

  private final ServiceAccountTokenGetter getter;

  BoundTokenValidator(ServiceAccountTokenGetter getter) {
    this.getter = getter;
  }

  @Override
  public boolean legacy() {
    return false;
  }

  @Override
  public Validation validate(String token, TokenClaims claims, Instant now) {
    Optional<String> timeError = checkTimes(claims, now);
    if (timeError.isPresent()) {
      return new Validation.Invalid(timeError.get());
    }
    KubernetesClaims k = claims.kubernetes() != null ? claims.kubernetes()
        : new KubernetesClaims("", new ObjectRef("", ""), null, null, null, null);
    Instant deletedBefore = now.minus(LEEWAY);
    String ns = k.namespace();
    ObjectRef sa = k.serviceAccount();
    Optional<Unstructured> account = getter.serviceAccount(ns, sa.name());
    if (account.isEmpty()) {
      return new Validation.Invalid("serviceaccounts " + quote(sa.name()) + " not found");
    }
    if (!account.get().uid().equals(sa.uid())) {
      return new Validation.Invalid("service account UID (" + account.get().uid()
          + ") does not match claim (" + sa.uid() + ")");
    }
    if (ObjectMeta.deletedBefore(account.get(), deletedBefore)) {
      return new Validation.Invalid("service account " + ns + "/" + sa.name() + " has been deleted");
    }
    if (k.secret() != null) {
      Optional<String> e = checkBound(getter.secret(ns, k.secret().name()), k.secret(), "secret",
          deletedBefore);
      if (e.isPresent()) {
        return new Validation.Invalid(e.get());
      }
    }
    String podName = "";
    String podUid = "";
    if (k.pod() != null) {
      Optional<String> e = checkBound(getter.pod(ns, k.pod().name()), k.pod(), "pod",
          deletedBefore);
      if (e.isPresent()) {
        return new Validation.Invalid(e.get());
      }
      podName = k.pod().name();
      podUid = k.pod().uid();
    }
    String nodeName = "";
    String nodeUid = "";
    if (k.node() != null) {
      if (k.pod() == null) {
        Optional<String> e = checkBound(getter.node(k.node().name()), k.node(), "node",
            deletedBefore);
        if (e.isPresent()) {
          return new Validation.Invalid(e.get());
        }
      }
      nodeName = k.node().name();
      nodeUid = k.node().uid();
    }
    return new Validation.Valid(new ServiceAccountInfo(ns, sa.name(), sa.uid(), podName, podUid,
        nodeName, nodeUid, ServiceAccountNames.credentialIdForJti(claims.id())), List.of());
  }

  /** go-jose's {@code ValidateWithLeeway} time checks, with upstream's texts. */
  static Optional<String> checkTimes(TokenClaims c, Instant now) {
    if (c.notBefore() != null && now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(c.notBefore()))) {
      return Optional.of("service account token is not valid yet");
    }
    if (c.expiry() != null && now.minus(LEEWAY).isAfter(Instant.ofEpochSecond(c.expiry()))) {
      return Optional.of("service account token has expired");
    }
    if (c.issuedAt() != null && now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(c.issuedAt()))) {
      return Optional.of("service account token is issued in the future");
    }
    return Optional.empty();
  }

  private static Optional<String> checkBound(Optional<Unstructured> live, ObjectRef ref,
      String what, Instant deletedBefore) {
    if (live.isEmpty()) {
      return Optional.of(INVALIDATED);
    }
    if (!live.get().uid().equals(ref.uid())) {
      return Optional.of(what + " UID (" + live.get().uid() + ") does not match service account "
          + what + " ref claim (" + ref.uid() + ")");
    }
    if (ObjectMeta.deletedBefore(live.get(), deletedBefore)) {
      return Optional.of(INVALIDATED);
    }
    return Optional.empty();
  }

  private static String quote(@Nullable String s) {
    return io.gatehouse.api.GoQuote.quote(s == null ? "" : s);
  }
}

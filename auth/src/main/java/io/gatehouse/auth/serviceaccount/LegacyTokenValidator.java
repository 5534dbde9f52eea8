package io.gatehouse.auth.serviceaccount;

import io.gatehouse.api.Unstructured;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates legacy Secret tokens as upstream's {@code legacy.go} validator with lookup on and
 * legacy-token tracking: the private claims must be present and agree with {@code sub}; the Secret
 * must exist, not be terminating and hold exactly this token; the service account must exist, not
 * be terminating and keep its uid. Then a Secret labelled {@code
 * kubernetes.io/legacy-token-invalid-since} is rejected; an auto-generated one (listed in the
 * service account's {@code secrets}) earns a warning; either way the {@code
 * kubernetes.io/legacy-token-last-used} label is set to today (UTC) unless it already says today or
 * tomorrow. Thread-safe.
 */
final class LegacyTokenValidator implements TokenValidator {

  static final String AUTO_GENERATED_WARNING = "Use tokens from the TokenRequest API or manually "
      + "created secret-based tokens instead of auto-generated secret-based tokens.";

  private static final Logger LOG = LoggerFactory.getLogger(LegacyTokenValidator.class);

  private final ServiceAccountTokenGetter getter;
  private final SecretsWriter writer;

  LegacyTokenValidator(ServiceAccountTokenGetter getter, SecretsWriter writer) {
    this.getter = getter;
    this.writer = writer;
  }

  @Override
  public boolean legacy() {
    return true;
  }

  @Override
  public Validation validate(String token, TokenClaims claims, Instant now) {
    LegacyClaims c = claims.legacy() != null ? claims.legacy() : new LegacyClaims("", "", "", "");
    Optional<String> missing = missingClaim(claims.subject(), c);
    if (missing.isPresent()) {
      return new Validation.Invalid(missing.get());
    }
    String ns = c.namespace();
    Optional<List<String>> sub = ServiceAccountNames.splitUsername(claims.subject());
    if (sub.isEmpty() || !sub.get().get(0).equals(ns)
        || !sub.get().get(1).equals(c.serviceAccountName())) {
      return new Validation.Invalid("sub claim is invalid");
    }
    Optional<Unstructured> secret = getter.secret(ns, c.secretName());
    if (secret.isEmpty() || ObjectMeta.deletionTimestamp(secret.get()).isPresent()) {
      return new Validation.Invalid("Token has been invalidated");
    }
    if (!MessageDigest.isEqual(storedToken(secret.get()), token.getBytes(StandardCharsets.UTF_8))) {
      return new Validation.Invalid("Token does not match server's copy");
    }
    Optional<Unstructured> account = getter.serviceAccount(ns, c.serviceAccountName());
    if (account.isEmpty()) {
      return new Validation.Invalid("serviceaccounts "
          + io.gatehouse.api.GoQuote.quote(c.serviceAccountName()) + " not found");
    }
    if (ObjectMeta.deletionTimestamp(account.get()).isPresent()) {
      return new Validation.Invalid("ServiceAccount " + ns + "/" + c.serviceAccountName()
          + " has been deleted");
    }
    if (!account.get().uid().equals(c.serviceAccountUid())) {
      return new Validation.Invalid("ServiceAccount UID (" + account.get().uid()
          + ") does not match claim (" + c.serviceAccountUid() + ")");
    }
    Unstructured s = secret.get();
    String invalidSince = s.labels().getOrDefault(ServiceAccountNames.INVALID_SINCE_LABEL, "");
    if (!invalidSince.isEmpty()) {
      markUsed(s, now);
      return new Validation.Invalid("the token in secret " + ns + "/" + c.secretName()
          + " for service account " + ns + "/" + c.serviceAccountName() + " has been marked "
          + "invalid. Use tokens from the TokenRequest API or manually created secret-based "
          + "tokens, or remove the '" + ServiceAccountNames.INVALID_SINCE_LABEL
          + "' label from the secret to temporarily allow use of this token");
    }
    List<String> warnings = new ArrayList<>();
    if (referencedSecrets(account.get()).contains(s.name())) {
      warnings.add(AUTO_GENERATED_WARNING);
    }
    markUsed(s, now);
    return new Validation.Valid(new ServiceAccountInfo(ns, c.serviceAccountName(),
        c.serviceAccountUid(), "", "", "", "", ""), warnings);
  }

  private static Optional<String> missingClaim(String subject, LegacyClaims c) {
    if (subject.isEmpty()) {
      return Optional.of("sub claim is missing");
    }
    if (c.namespace().isEmpty()) {
      return Optional.of("namespace claim is missing");
    }
    if (c.secretName().isEmpty()) {
      return Optional.of("secretName claim is missing");
    }
    if (c.serviceAccountName().isEmpty()) {
      return Optional.of("serviceAccountName claim is missing");
    }
    if (c.serviceAccountUid().isEmpty()) {
      return Optional.of("serviceAccountUID claim is missing");
    }
    return Optional.empty();
  }

  /** The names in a service account's {@code secrets} list. */
  static List<String> referencedSecrets(Unstructured serviceAccount) {
    List<String> names = new ArrayList<>();
    if (serviceAccount.object().get("secrets") instanceof List<?> refs) {
      for (Object r : refs) {
        if (r instanceof Map<?, ?> m && m.get("name") instanceof String n) {
          names.add(n);
        }
      }
    }
    return names;
  }

  private static byte[] storedToken(Unstructured secret) {
    if (secret.get("data", ServiceAccountNames.TOKEN_KEY).orElse(null) instanceof String b64) {
      try {
        return Base64.getDecoder().decode(b64);
      } catch (IllegalArgumentException e) {
        return new byte[0];
      }
    }
    return new byte[0];
  }

  private void markUsed(Unstructured secret, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    String lastUsed = secret.labels().getOrDefault(ServiceAccountNames.LAST_USED_LABEL, "");
    if (lastUsed.equals(today.toString()) || lastUsed.equals(today.plusDays(1).toString())) {
      return;
    }
    try {
      writer.patchLabels(secret.namespace(), secret.name(), secret.uid(),
          Map.of(ServiceAccountNames.LAST_USED_LABEL, today.toString()));
    } catch (RuntimeException e) {
      LOG.atWarn().setMessage("Failed to label legacy service account token with last-used date")
          .addKeyValue("secret", secret.namespace() + "/" + secret.name())
          .addKeyValue("err", e.getMessage()).log();
    }
  }
}

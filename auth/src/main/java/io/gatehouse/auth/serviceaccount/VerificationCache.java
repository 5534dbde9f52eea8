package io.gatehouse.auth.serviceaccount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers accepted tokens for a short time, as kube-apiserver's token cache does for every
 * token authenticator ({@code --token-success-cache-ttl} is not a flag; upstream uses 10 s and
 * caches no failures) — but never past the token's {@code exp}. Keys are a SHA-256 of token and
 * audiences, never the token. Bounded: when full, expired entries are dropped, then everything.
 * Thread-safe.
 */
final class VerificationCache {

  private record Entry(TokenVerification.Accepted result, Instant until) {}

  private final Duration ttl;
  private final int maxEntries;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  VerificationCache(Duration ttl, int maxEntries) {
    this.ttl = ttl;
    this.maxEntries = maxEntries;
  }

  /** The cache key of {@code token} for {@code audiences}. */
  static String key(String token, List<String> audiences) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(token.getBytes(StandardCharsets.UTF_8));
      for (String a : audiences) {
        d.update((byte) 0);
        d.update(a.getBytes(StandardCharsets.UTF_8));
      }
      return Base64.getEncoder().encodeToString(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  Optional<TokenVerification.Accepted> get(String key, Instant now) {
    Entry e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    if (!now.isBefore(e.until())) {
      entries.remove(key, e);
      return Optional.empty();
    }
    return Optional.of(e.result());
  }

  /** Caches {@code result} until now + TTL or {@code expiry}, whichever is first. */
  void put(String key, TokenVerification.Accepted result, Instant now, Optional<Instant> expiry) {
    if (ttl.isZero()) {
      return;
    }
    Instant until = now.plus(ttl);
    if (expiry.isPresent() && expiry.get().isBefore(until)) {
      until = expiry.get();
    }
    if (!now.isBefore(until)) {
      return;
    }
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(e -> !now.isBefore(e.until()));
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
    }
    entries.put(key, new Entry(result, until));
  }
}

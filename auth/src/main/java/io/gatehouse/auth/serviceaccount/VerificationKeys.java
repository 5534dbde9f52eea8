package io.gatehouse.auth.serviceaccount;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys tokens are verified with, as upstream's {@code StaticPublicKeysGetter}: all of them
 * when a token names no key id, else those with that id (none for an unknown id). Immutable;
 * thread-safe.
 */
public final class VerificationKeys {

  private final List<VerificationKey> all;
  private final Map<String, List<VerificationKey>> byId;

  private VerificationKeys(List<VerificationKey> all) {
    this.all = List.copyOf(all);
    Map<String, List<VerificationKey>> m = new LinkedHashMap<>();
    for (VerificationKey k : all) {
      m.computeIfAbsent(k.keyId(), id -> new ArrayList<>()).add(k);
    }
    m.replaceAll((id, keys) -> List.copyOf(keys));
    this.byId = Map.copyOf(m);
  }

  /**
   * Returns the keys for {@code keys}, in order.
   *
   * @throws IllegalArgumentException for a key that is neither RSA nor EC on P-256/384/521
   */
  public static VerificationKeys of(List<PublicKey> keys) {
    return new VerificationKeys(keys.stream().map(VerificationKey::of).toList());
  }

  /** Returns every key, in order. */
  public List<VerificationKey> all() {
    return all;
  }

  /** Returns the keys to try for a token with key id {@code keyId} (empty: every key). */
  public List<VerificationKey> forKeyId(String keyId) {
    return keyId.isEmpty() ? all : byId.getOrDefault(keyId, List.of());
  }
}

package io.gatehouse.auth.serviceaccount;

import io.gatehouse.api.Unstructured;
import java.util.Optional;

/**
 * Looks up the objects a token names, as upstream's {@code ServiceAccountTokenGetter}: empty when
 * the object does not exist. Implementations are thread-safe and may throw an unchecked exception
 * when the lookup itself fails (the token is then rejected with that exception's message); callers
 * must not mutate the returned objects.
 */
public interface ServiceAccountTokenGetter {

  /** Returns ServiceAccount {@code namespace/name}. */
  Optional<Unstructured> serviceAccount(String namespace, String name);

  /** Returns Pod {@code namespace/name}. */
  Optional<Unstructured> pod(String namespace, String name);

  /** Returns Secret {@code namespace/name}. */
  Optional<Unstructured> secret(String namespace, String name);

  /** Returns Node {@code name}. */
  Optional<Unstructured> node(String name);
}

package io.gatehouse.admission.serviceaccount;

import io.gatehouse.admission.ClusterState;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;

/**
 * Upstream's {@code getServiceAccount}: a lookup, then, when the account is missing, one more
 * lookup, or ten for {@code default} (which the service-account controller creates a moment after
 * its namespace) spaced by one random 100–199 ms interval. Thread-safe.
 */
final class AccountLookup {

  static final GroupVersionKind SERVICE_ACCOUNT = new GroupVersionKind("", "v1", "ServiceAccount");
  private static final int DEFAULT_ATTEMPTS = 10;

  private final ClusterState cluster;
  private final LongConsumer sleepMillis;

  /** @param sleepMillis waits between retries (tests pass a recorder) */
  AccountLookup(ClusterState cluster, LongConsumer sleepMillis) {
    this.cluster = cluster;
    this.sleepMillis = sleepMillis;
  }

  /** Returns the account, or empty once the retries found none. */
  Optional<Unstructured> find(String namespace, String name) {
    Optional<Unstructured> found = cluster.get(SERVICE_ACCOUNT, namespace, name);
    if (found.isPresent()) {
      return found;
    }
    int attempts = name.equals(ServiceAccountAdmission.DEFAULT_NAME) ? DEFAULT_ATTEMPTS : 1;
    long interval = 100 + ThreadLocalRandom.current().nextLong(100);
    for (int i = 0; i < attempts; i++) {
      if (i != 0) {
        sleepMillis.accept(interval);
      }
      found = cluster.get(SERVICE_ACCOUNT, namespace, name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Sleeps, restoring the interrupt flag if interrupted (the lookups then finish at once). */
  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

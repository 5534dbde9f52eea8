package io.gatehouse.server;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One named health check: empty when healthy, else the reason (logged, never shown to clients).
 *
 * @param name the check name, e.g. {@code ping}
 * @param check the check; thread-safe and fast
 */
record HealthCheck(String name, Supplier<Optional<String>> check) {

  /** The check that always passes. */
  static HealthCheck ping() {
    return new HealthCheck("ping", Optional::empty);
  }
}

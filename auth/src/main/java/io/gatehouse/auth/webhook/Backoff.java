package io.gatehouse.auth.webhook;

import java.time.Duration;

/**
 * Upstream's {@code wait.Backoff} for webhook retries.
 *
 * @param initial the first wait
 * @param factor the growth per step
 * @param jitter the random extra, as a fraction of each wait
 * @param steps the number of attempts
 */
public record Backoff(Duration initial, double factor, double jitter, int steps) {

  /** kube-apiserver's default for authorization webhooks: 500ms, ×1.5, 0.2 jitter, 5 steps. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), 1.5, 0.2, 5);
}

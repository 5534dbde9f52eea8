package io.gatehouse.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * kube-apiserver's authorization configuration reload metrics ({@code
 * apiserver_authorization_config_controller_automatic_reloads_total} and {@code
 * …_automatic_reload_last_timestamp_seconds}, both BETA), labelled by status ({@code success},
 * {@code failure}) and the SHA-256 of the API server's identity, in the Prometheus text format.
 * Thread-safe.
 */
final class AuthorizationConfigMetrics {

  private static final String RELOADS = "apiserver_authorization_config_controller_automatic_reloads_total";
  private static final String LAST = "apiserver_authorization_config_controller_automatic_reload_last_timestamp_seconds";

  private final String idHash;
  private final Clock clock;
  private final Map<String, Long> reloads = new TreeMap<>();
  private final Map<String, Double> last = new TreeMap<>();

  /** @param apiServerId the server's identity (hashed into the label) */
  AuthorizationConfigMetrics(String apiServerId, Clock clock) {
    this.idHash = "sha256:" + sha256(apiServerId);
    this.clock = clock;
  }

  synchronized void recordSuccess() {
    record("success");
  }

  synchronized void recordFailure() {
    record("failure");
  }

  private void record(String status) {
    reloads.merge(status, 1L, Long::sum);
    last.put(status, clock.millis() / 1000.0);
  }

  /** How many reloads ended with {@code status}. */
  synchronized long reloads(String status) {
    return reloads.getOrDefault(status, 0L);
  }

  /** The metrics in the Prometheus text format (nothing before the first reload). */
  synchronized String exposition() {
    if (reloads.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("# HELP ").append(RELOADS).append(" [BETA] Total number of automatic reloads of "
        + "authorization configuration split by status and apiserver identity.\n");
    out.append("# TYPE ").append(RELOADS).append(" counter\n");
    reloads.forEach((status, n) -> sample(out, RELOADS, status, GoFloat.format(n)));
    out.append("# HELP ").append(LAST).append(" [BETA] Timestamp of the last automatic reload of "
        + "authorization configuration split by status and apiserver identity.\n");
    out.append("# TYPE ").append(LAST).append(" gauge\n");
    last.forEach((status, t) -> sample(out, LAST, status, GoFloat.format(t)));
    return out.toString();
  }

  private void sample(StringBuilder out, String name, String status, String value) {
    out.append(name).append("{apiserver_id_hash=\"").append(idHash).append("\",status=\"")
        .append(status).append("\"} ").append(value).append('\n');
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

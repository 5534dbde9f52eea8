package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-apiserver's {@code legacy_token_tracking_controller}: keeps ConfigMap {@code
 * kube-system/kube-apiserver-legacy-service-account-token-tracking} with {@code data.since} = the
 * UTC day tracking started. A missing ConfigMap is created (at most once per 30 minutes, as
 * upstream's rate limiter allows); an unparseable {@code since} is replaced by today. Thread-safe.
 */
final class LegacyTokenTracking {

  static final String NAMESPACE = "kube-system";
  static final String CONFIG_MAP = "kube-apiserver-legacy-service-account-token-tracking";
  static final String SINCE = "since";

  private static final Logger LOG = LoggerFactory.getLogger(LegacyTokenTracking.class);
  private static final Duration CREATION_INTERVAL = Duration.ofMinutes(30);

  private final Registry registry;
  private final StoredResource configMaps;
  private final Clock clock;
  private @Nullable Instant lastCreation;

  LegacyTokenTracking(Registry registry, ResourceTable resources, Clock clock) {
    this.registry = registry;
    this.configMaps = StoredObjects.core(resources, "configmaps");
    this.clock = clock;
  }

  List<String> prefixes() {
    return List.of(configMaps.prefix(NAMESPACE));
  }

  /** Whether a changed key is the tracking ConfigMap (the only one under the prefix that counts). */
  boolean relevant(String key) {
    return key.equals(configMaps.key(NAMESPACE, CONFIG_MAP));
  }

  /** Creates or repairs the ConfigMap. */
  synchronized void sync() {
    Instant now = clock.instant();
    String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
    try {
      Unstructured cm = registry.get(configMaps, NAMESPACE, CONFIG_MAP);
      String since = cm.get("data", SINCE).orElse("") instanceof String s ? s : "";
      if (!validDate(since)) {
        registry.update(configMaps, NAMESPACE, CONFIG_MAP, "", live -> {
          Map<String, Object> data = new LinkedHashMap<>();
          if (live.object().get("data") instanceof Map<?, ?> d) {
            d.forEach((k, v) -> data.put(String.valueOf(k), v));
          }
          data.put(SINCE, today);
          live.object().put("data", data);
          return live;
        }, false, WriteAdmission.NONE);
      }
    } catch (StatusException e) {
      if (e.status().code() != 404) {
        throw e;
      }
      if (lastCreation != null && now.isBefore(lastCreation.plus(CREATION_INTERVAL))) {
        return;
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("name", CONFIG_MAP);
      meta.put("namespace", NAMESPACE);
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("apiVersion", "v1");
      cm.put("kind", "ConfigMap");
      cm.put("metadata", meta);
      cm.put("data", Map.of(SINCE, today));
      try {
        registry.create(configMaps, Unstructured.copyOf(cm), false, WriteAdmission.NONE);
        lastCreation = now;
        LOG.atInfo().setMessage("Legacy service account token tracking started")
            .addKeyValue("since", today).log();
      } catch (StatusException ce) {
        if (ce.status().code() != 409) {
          throw ce;
        }
      }
    }
  }

  static boolean validDate(String s) {
    try {
      LocalDate.parse(s);
      return s.length() == 10;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}

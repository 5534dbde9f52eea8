package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The clean-up rules with a fake clock; objects are created on 2025-01-01 (RestFixture). */
class LegacyTokenCleanerTest {

  private static final Instant AFTER_A_YEAR = Instant.parse("2026-01-03T08:00:00Z");
  private static final String INVALID = "kubernetes.io/legacy-token-invalid-since";
  private static final String LAST_USED = "kubernetes.io/legacy-token-last-used";

  private record Case(String name, Map<String, String> labels, boolean listed, boolean mounted,
      Instant now, String outcome) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("tracked for less than a period", Map.of(), true, false,
            Instant.parse("2026-01-01T23:00:00Z"), "unchanged"),
        new Case("unused auto-generated token", Map.of(), true, false, AFTER_A_YEAR,
            "invalid-since 2026-01-03"),
        new Case("last used long ago", Map.of(LAST_USED, "2025-01-02"), true, false,
            AFTER_A_YEAR, "invalid-since 2026-01-03"),
        new Case("used within the period", Map.of(LAST_USED, "2025-01-03"), true, false,
            AFTER_A_YEAR, "unchanged"),
        new Case("unparseable last-used", Map.of(LAST_USED, "yesterday"), true, false,
            AFTER_A_YEAR, "unchanged"),
        new Case("manual token", Map.of(), false, false, AFTER_A_YEAR, "unchanged"),
        new Case("named by a pod", Map.of(), true, true, AFTER_A_YEAR, "unchanged"),
        new Case("invalid since within the period", Map.of(INVALID, "2025-06-01"), true, false,
            AFTER_A_YEAR, "unchanged"),
        new Case("invalid since before the period", Map.of(INVALID, "2025-01-02"), true, false,
            AFTER_A_YEAR, "deleted"),
        new Case("unparseable invalid-since relabelled", Map.of(INVALID, "soon"), true, false,
            AFTER_A_YEAR, "invalid-since 2026-01-03"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluate_tokenSecret_upstreamOutcome(Case c) {
    RestFixture rest = new RestFixture();
    post(rest, "/api/v1/namespaces/kube-system/configmaps", "{\"metadata\":{\"name\":"
        + "\"kube-apiserver-legacy-service-account-token-tracking\"},\"data\":{\"since\":"
        + "\"2025-01-01\"}}");
    String secrets = c.listed() ? ",\"secrets\":[{\"name\":\"old-token\"}]" : "";
    post(rest, "/api/v1/namespaces/default/serviceaccounts",
        "{\"metadata\":{\"name\":\"builder\"}" + secrets + "}");
    StringBuilder labels = new StringBuilder();
    c.labels().forEach((k, v) -> labels.append(labels.isEmpty() ? "" : ",")
        .append('"').append(k).append("\":\"").append(v).append('"'));
    post(rest, "/api/v1/namespaces/default/secrets", "{\"metadata\":{\"name\":\"old-token\","
        + "\"labels\":{" + labels + "},\"annotations\":{\"kubernetes.io/service-account.name\":"
        + "\"builder\"}},\"type\":\"kubernetes.io/service-account-token\"}");
    if (c.mounted()) {
      post(rest, "/api/v1/namespaces/default/pods", "{\"metadata\":{\"name\":\"p\"},\"spec\":"
          + "{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}],\"volumes\":[{\"name\":\"t\","
          + "\"secret\":{\"secretName\":\"old-token\"}}]}}");
    }
    StoredResource secretsResource = StoredObjects.core(rest.table, "secrets");
    LegacyTokenCleaner cleaner = new LegacyTokenCleaner(rest.registry, rest.table,
        new StoreServiceAccountObjects(rest.registry, rest.table), new FakeClock(c.now()),
        Duration.ofHours(8760));

    cleaner.evaluate();

    String outcome;
    try {
      Unstructured s = rest.registry.get(secretsResource, "default", "old-token");
      outcome = s.labels().equals(c.labels()) ? "unchanged"
          : "invalid-since " + s.labels().get(INVALID);
    } catch (StatusException e) {
      outcome = e.status().code() == 404 ? "deleted" : e.getMessage();
    }
    assertThat(outcome).isEqualTo(c.outcome());
  }

  private static void post(RestFixture rest, String uri, String body) {
    ApiResponse r = rest.json("POST", uri, body);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
  }
}

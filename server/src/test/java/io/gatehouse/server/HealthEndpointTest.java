package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HealthEndpointTest {

  private static final HealthCheck FAILING = new HealthCheck("etcd", () -> Optional.of("no store"));

  private record Case(String name, List<HealthCheck> checks, String uri, int code, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    List<HealthCheck> ok = List.of(HealthCheck.ping(), new HealthCheck("log", Optional::empty));
    return Stream.of(
        new Case("plain ok", ok, "/readyz", 200, "ok"),
        new Case("verbose", ok, "/readyz?verbose", 200, "[+]ping ok\n[+]log ok\nreadyz check passed\n"),
        new Case("excluded check", ok, "/readyz?verbose&exclude=log", 200,
            "[+]ping ok\n[+]log excluded: ok\nreadyz check passed\n"),
        new Case("unknown exclusion warns", ok, "/readyz?verbose&exclude=nope", 200,
            "[+]ping ok\n[+]log ok\nwarn: some health checks cannot be excluded: no matches for \"nope\"\nreadyz check passed\n"),
        new Case("failure withholds the reason", List.of(HealthCheck.ping(), FAILING), "/readyz", 500,
            "[+]ping ok\n[-]etcd failed: reason withheld\nreadyz check failed\n"),
        new Case("excluding the failing check passes", List.of(HealthCheck.ping(), FAILING),
            "/readyz?exclude=etcd", 200, "ok"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void root_checks_upstreamText(Case c) {
    ApiResponse r = new HealthEndpoint("readyz", c.checks()).root(ApiRequest.of("GET", c.uri(), Headers.EMPTY));
    assertThat(r.status()).isEqualTo(c.code());
    assertThat(r.bodyText()).isEqualTo(c.body());
    assertThat(r.headers()).containsEntry("Content-Type", "text/plain; charset=utf-8")
        .containsEntry("X-Content-Type-Options", "nosniff");
  }

  @org.junit.jupiter.api.Test
  void single_failingCheck_500WithReason() {
    ApiResponse r = new HealthEndpoint("readyz", List.of(FAILING)).single("etcd").orElseThrow();
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.bodyText()).isEqualTo("internal server error: no store\n");
  }
}

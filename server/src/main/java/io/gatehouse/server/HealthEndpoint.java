package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /healthz}, {@code /livez} or {@code /readyz}, as upstream's {@code handleRootHealth}:
 * {@code ok}, or with {@code ?verbose} one {@code [+]<check> ok} line per check and {@code <name>
 * check passed}; {@code ?exclude=<check>} skips a check ({@code [+]<check> excluded: ok}) and
 * warns about unknown ones; any failure answers 500 with {@code [-]<check> failed: reason
 * withheld} lines and {@code <name> check failed}. {@code /<name>/<check>} runs one check. Immutable;
 * thread-safe.
 */
final class HealthEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

  private final String name;
  private final List<HealthCheck> checks;

  HealthEndpoint(String name, List<HealthCheck> checks) {
    this.name = name;
    this.checks = List.copyOf(checks);
  }

  String name() {
    return name;
  }

  ApiResponse root(ApiRequest request) {
    Set<String> excluded = new LinkedHashSet<>(request.query().getOrDefault("exclude", List.of()));
    StringBuilder out = new StringBuilder();
    List<String> failed = new ArrayList<>();
    for (HealthCheck c : checks) {
      if (excluded.remove(c.name())) {
        out.append("[+]").append(c.name()).append(" excluded: ok\n");
        continue;
      }
      Optional<String> problem = c.check().get();
      if (problem.isPresent()) {
        out.append("[-]").append(c.name()).append(" failed: reason withheld\n");
        failed.add(c.name());
        LOG.atInfo().setMessage("Health check failed").addKeyValue("endpoint", name)
            .addKeyValue("check", c.name()).addKeyValue("reason", problem.get()).log();
      } else {
        out.append("[+]").append(c.name()).append(" ok\n");
      }
    }
    if (!excluded.isEmpty()) {
      out.append("warn: some health checks cannot be excluded: no matches for ")
          .append(String.join(",", excluded.stream().map(GoQuote::quote).toList())).append('\n');
    }
    if (!failed.isEmpty()) {
      return ApiResponse.error(500, out + name + " check failed");
    }
    if (!request.query().containsKey("verbose")) {
      return ApiResponse.text(200, "ok");
    }
    return ApiResponse.text(200, out + name + " check passed\n");
  }

  /** Returns the single check {@code checkName}, if there is one. */
  Optional<ApiResponse> single(String checkName) {
    return checks.stream().filter(c -> c.name().equals(checkName)).findFirst().map(c -> {
      Optional<String> problem = c.check().get();
      return problem.isPresent()
          ? ApiResponse.error(500, "internal server error: " + problem.get())
          : ApiResponse.text(200, "ok");
    });
  }
}

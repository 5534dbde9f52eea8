package io.gatehouse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs nghttp2's {@code h2load} as an external HTTP/2 load generator (far less CPU per request
 * than a JVM client, so the server gets the machine). Not thread-safe.
 */
final class H2Load {

  private static final Pattern RATE = Pattern.compile("finished in [0-9.]+m?s, ([0-9.]+) req/s");
  private static final Pattern CODES = Pattern.compile("status codes: (\\d+) 2xx");

  private H2Load() {}

  /**
   * POSTs {@code body} {@code n} times to {@code url} with {@code concurrency} streams in flight
   * (4 connections) and returns the requests per second, or 0 when h2load is not installed.
   *
   * @throws IllegalStateException if any request did not answer 2xx
   */
  static double creates(Path dir, String url, String token, String body, int n, int concurrency)
      throws IOException, InterruptedException {
    if (!onPath()) {
      return 0;
    }
    Path file = Files.writeString(dir.resolve("h2load-body.json"), body);
    int connections = 4;
    Process p = new ProcessBuilder(List.of("h2load", "-n", Integer.toString(n),
        "-c", Integer.toString(connections), "-m", Integer.toString(concurrency / connections),
        "-H", "Authorization: Bearer " + token, "-H", "Content-Type: application/json",
        "-d", file.toString(), url)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher rate = RATE.matcher(out);
    Matcher codes = CODES.matcher(out);
    if (!rate.find() || !codes.find() || Integer.parseInt(codes.group(1)) != n) {
      throw new IllegalStateException("h2load: not every create succeeded:\n" + out);
    }
    return Double.parseDouble(rate.group(1));
  }

  private static boolean onPath() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "h2load"))) {
        return true;
      }
    }
    return false;
  }
}

package io.gatehouse.bench;

import io.gatehouse.server.pki.Pem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Many concurrent watchers against a running {@code gatehouse server} ({@code
 * scripts/bench-watch.sh}): opens {@code WATCHERS} watches of ConfigMaps in one namespace, each on
 * its own HTTP/1.1 connection, then creates {@code EVENTS} ConfigMaps one after another and
 * records when every watcher sees every ADDED event. Prints the delivery latency (from the start
 * of the create request to the event's arrival) p50/p99/max over all watcher×event pairs, how
 * many were delivered, and the server's RSS with the watchers open. Fails if an event is missing.
 *
 * <p>Arguments: server URL, CA certificate file, bearer token, server pid, watchers, events.
 */
public final class WatchFanout {

  private static final Pattern NAME = Pattern.compile("\"name\":\"e-(\\d+)\"");

  private WatchFanout() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path ca = Path.of(args[1]);
    String token = args[2];
    long pid = Long.parseLong(args[3]);
    int watchers = Integer.parseInt(args[4]);
    int events = Integer.parseInt(args[5]);
    String base = url + "/api/v1/namespaces/default/configmaps";
    HttpClient client = HttpClient.newBuilder().sslContext(ssl(ca))
        .version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    String rss0 = rss(pid);
    String rv = resourceVersion(client.send(request(base + "?limit=1", token).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body());
    long[][] arrival = new long[events][watchers];
    CountDownLatch connected = new CountDownLatch(watchers);
    CountDownLatch done = new CountDownLatch(watchers);
    AtomicLong failures = new AtomicLong();
    long t0 = System.nanoTime();
    for (int w = 0; w < watchers; w++) {
      int watcher = w;
      client.sendAsync(request(base + "?watch=1&resourceVersion=" + rv + "&timeoutSeconds=600",
          token).GET().build(), HttpResponse.BodyHandlers.ofLines()).whenComplete((resp, err) -> {
            connected.countDown();
            if (err != null || resp.statusCode() != 200) {
              failures.incrementAndGet();
              done.countDown();
              return;
            }
            Thread.ofVirtual().start(() -> read(resp.body(), arrival, watcher, events, done));
          });
    }
    if (!connected.await(120, TimeUnit.SECONDS) || failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " watches failed to open");
    }
    double openSeconds = (System.nanoTime() - t0) / 1e9;
    Thread.sleep(2000);
    String rssOpen = rss(pid);
    long[] started = new long[events];
    for (int i = 0; i < events; i++) {
      started[i] = System.nanoTime();
      String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"e-" + i
          + "\"},\"data\":{\"k\":\"v\"}}";
      int code = client.send(request(base, token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
      if (code != 201) {
        throw new IllegalStateException("create e-" + i + " answered " + code);
      }
      Thread.sleep(20);
    }
    boolean all = done.await(60, TimeUnit.SECONDS);
    String rssAfter = rss(pid);
    List<Long> latencies = new ArrayList<>();
    long missing = 0;
    for (int i = 0; i < events; i++) {
      for (int w = 0; w < watchers; w++) {
        if (arrival[i][w] == 0) {
          missing++;
        } else {
          latencies.add(arrival[i][w] - started[i]);
        }
      }
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("%nWatchFanout (%d watchers, %d events)%n", watchers, events);
    System.out.printf("watches opened in        %8.2f s%n", openSeconds);
    System.out.printf("events delivered         %8d of %d%n", sorted.length, (long) watchers * events);
    System.out.printf("delivery p50 / p99 / max %8.1f / %.1f / %.1f ms%n", pct(sorted, 50),
        pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    System.out.printf("server RSS before / with watchers / after events  %s / %s / %s%n", rss0,
        rssOpen, rssAfter);
    if (!all || missing > 0) {
      throw new IllegalStateException(missing + " events not delivered");
    }
    System.exit(0);
  }

  private static void read(Stream<String> lines, long[][] arrival, int watcher, int events,
      CountDownLatch done) {
    int seen = 0;
    try {
      for (var it = lines.iterator(); seen < events && it.hasNext(); ) {
        String line = it.next();
        long now = System.nanoTime();
        Matcher m = NAME.matcher(line);
        if (line.startsWith("{\"type\":\"ADDED\"") && m.find()) {
          int i = Integer.parseInt(m.group(1));
          if (i < events && arrival[i][watcher] == 0) {
            arrival[i][watcher] = now;
            seen++;
          }
        }
      }
    } finally {
      done.countDown();
    }
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  private static String resourceVersion(String listJson) {
    Matcher m = Pattern.compile("\"resourceVersion\":\"(\\d+)\"").matcher(listJson);
    if (!m.find()) {
      throw new IllegalStateException("no resourceVersion in " + listJson);
    }
    return m.group(1);
  }

  private static HttpRequest.Builder request(String uri, String token) {
    return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token);
  }

  private static String rss(long pid) throws Exception {
    return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
        .filter(l -> l.startsWith("VmRSS:")).map(l -> l.substring(6).trim()).findFirst()
        .orElse("?");
  }

  private static SSLContext ssl(Path ca) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("ca", Pem.readCertificates(ca).get(0));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}

package io.gatehouse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import io.gatehouse.server.pki.Pem;
import io.gatehouse.storage.CreateResult;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.SqliteKeyValueStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Throughput and latency of the storage-backed API ({@code scripts/bench-crud.sh [CREATES]}):
 * ConfigMap creates/s through HTTPS (HTTP/2, bearer
 * token, {@code CONCURRENCY} clients) against raw creates/s into a SQLite store of the same
 * durability in the same run (with sequential names, and with generateName-like random names as
 * the h2load run creates them, both into a store of their own and into the server's own store,
 * beside the objects the API wrote), then GET and LIST of 10,000 ConfigMaps p50/p99. The creates are
 * measured after a warm-up of as many creates into another namespace, twice: with the JDK's
 * HTTP client in this JVM (client and server share the CPU), and
 * with {@code h2load} (nghttp2's C load generator, if on PATH) posting with {@code generateName}.
 * Prints a table;
 * fails if any request did not succeed.
 */
public final class CrudBenchmark {

  private static final int CONCURRENCY = 16;
  private static final int CREATES = Integer.getInteger("gatehouse.bench.creates", 10_000);
  /** Alternating raw and h2load runs measured (and twice as many half-length warm-up runs). */
  private static final int ROUNDS = Integer.getInteger("gatehouse.bench.rounds", 5);
  /**
   * Where raw creates go in the server's own store: outside {@code /registry/}, so that no
   * controller of the server reacts to them; same key shape and value as the API's creates.
   */
  private static final String RAW_PREFIX = "/gatehouse-bench/configmaps/";

  private CrudBenchmark() {}

  /** Runs the benchmark in a temporary directory and prints the table. */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("gatehouse-crud-bench");
    byte[] value = ("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"},"
        + "\"data\":{\"k\":\"" + "v".repeat(200) + "\"}}").getBytes(StandardCharsets.UTF_8);
    double raw;
    double rawSingle;
    try (KeyValueStore store = SqliteKeyValueStore.open(dir.resolve("raw.db"))) {
      rawSingle = rate(CREATES / 4, 1, i -> store.create("/registry/configmaps/one/c" + i, value)
          instanceof CreateResult.Created);
      raw = rate(CREATES, CONCURRENCY, i -> store.create("/registry/configmaps/default/c" + i,
          value) instanceof CreateResult.Created);
    }
    // What the h2load runs store: generateName's random five-character suffixes, which land all
    // over the name index (more pages written per commit than the sequential names above). These
    // raw runs alternate with the h2load runs below, into a store of their own kept open.
    Path tokens = Files.writeString(dir.resolve("tokens.csv"), "bench-token,bench,1,\"system:masters\"\n");
    try (KeyValueStore generatedStore = SqliteKeyValueStore.open(dir.resolve("raw-generated.db"));
        GatehouseServer server = GatehouseServer.start(ServerOptions.builder()
        .dataDir(dir.resolve("data")).securePort(0).tokenAuthFile(tokens).build())) {
      HttpClient client = client(dir.resolve("data/pki/ca.crt"));
      KeyValueStore serverStore = server.store();
      String base = server.url() + "/api/v1/namespaces/default/configmaps";
      String body = new String(value, StandardCharsets.UTF_8);
      // Warm-up (not measured): the same creates into another namespace, so that the JIT has
      // compiled the request path before anything is timed.
      String warm = server.url() + "/api/v1/namespaces/kube-system/configmaps";
      rate(CREATES, CONCURRENCY, i -> send(client, HttpRequest.newBuilder(URI.create(warm))
          .POST(HttpRequest.BodyPublishers.ofString(body.replace("\"name\":\"x\"",
              "\"name\":\"w" + i + "\""))), 201));
      double http = rate(CREATES, CONCURRENCY, i -> send(client, HttpRequest.newBuilder(URI.create(base))
          .POST(HttpRequest.BodyPublishers.ofString(body.replace("\"name\":\"x\"",
              "\"name\":\"c" + i + "\""))), 201));
      // h2load warms up on its own path (HTTP/2 from a C client, generateName) in twice as many
      // runs as are measured, each half as long: every run opens and closes its connections, and
      // the first closes send the JIT back to the TLS and HTTP/2 code it had compiled without
      // those paths (the next run then paid for recompiling it on the same two cores).
      String generated = body.replace("\"name\":\"x\"", "\"generateName\":\"g-\"");
      byte[] stored = null;
      for (int round = 0; round < 2 * ROUNDS; round++) {
        String warmNs = "warm-" + round;
        boolean ran = H2Load.creates(dir, server.url() + "/api/v1/namespaces/kube-node-lease/configmaps",
            "bench-token", generated, CREATES / 2, CONCURRENCY) > 0;
        if (stored == null) {
          // The raw runs store what the API stores for these creates (uid, creationTimestamp,
          // managedFields: about twice the request body), read back from one of them.
          stored = storedBytes(client, server.url(), ran ? "kube-node-lease" : "kube-system");
        }
        byte[] rawValue = stored;
        rate(CREATES / 4, CONCURRENCY, i -> generatedStore.create(
            "/registry/configmaps/" + warmNs + "/g-" + generatedSuffix(i), rawValue)
            instanceof CreateResult.Created);
        rate(CREATES / 4, CONCURRENCY, i -> serverStore.create(
            RAW_PREFIX + warmNs + "/g-" + generatedSuffix(i), rawValue)
            instanceof CreateResult.Created);
      }
      byte[] rawValue = Objects.requireNonNull(stored);
      // Measured: raw runs and h2load runs alternate, so that both see the same machine.
      double[] rawRuns = new double[ROUNDS];
      double[] sharedRuns = new double[ROUNDS];
      double[] h2loadRuns = new double[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        String ns = "bench-" + round;
        // The run into the server's store comes second: the one before it gives the server time
        // to finish what the previous h2load run left (watch events, garbage collector).
        rawRuns[round] = rate(CREATES, CONCURRENCY, i -> generatedStore.create(
            "/registry/configmaps/" + ns + "/g-" + generatedSuffix(i), rawValue)
            instanceof CreateResult.Created);
        sharedRuns[round] = rate(CREATES, CONCURRENCY, i -> serverStore.create(
            RAW_PREFIX + ns + "/g-" + generatedSuffix(i), rawValue)
            instanceof CreateResult.Created);
        h2loadRuns[round] = H2Load.creates(dir,
            server.url() + "/api/v1/namespaces/kube-public/configmaps", "bench-token", generated,
            CREATES, CONCURRENCY);
      }
      double rawGenerated = median(rawRuns);
      double rawShared = median(sharedRuns);
      double h2load = median(h2loadRuns);
      long[] get = latencies(200 * 5, i -> send(client,
          HttpRequest.newBuilder(URI.create(base + "/c" + (i % CREATES))).GET(), 200));
      long[] list = latencies(20, i -> send(client, HttpRequest.newBuilder(URI.create(base)).GET(),
          200));
      System.out.printf("%nCrudBenchmark (%d ConfigMaps, %d clients)%n", CREATES, CONCURRENCY);
      System.out.printf("stored object %d bytes (request body %d bytes)%n", rawValue.length,
          value.length);
      System.out.printf("raw store creates/s, 1 writer    %8.0f%n", rawSingle);
      System.out.printf("raw store creates/s, %d writers  %8.0f%n", CONCURRENCY, raw);
      System.out.printf("HTTP creates/s, %d JDK clients   %8.0f  (%.0f%% of 1 writer, %.0f%% of %d)%n",
          CONCURRENCY, http, 100 * http / rawSingle, 100 * http / raw, CONCURRENCY);
      if (h2load > 0) {
        for (int round = 0; round < ROUNDS; round++) {
          System.out.printf("round %d: raw, %d writers, generateName keys: server's store %6.0f/s,"
              + " own store %6.0f/s; HTTP, h2load %d streams %6.0f/s; %3.0f%% / %3.0f%%%n",
              round + 1, CONCURRENCY, sharedRuns[round], rawRuns[round], CONCURRENCY,
              h2loadRuns[round], 100 * h2loadRuns[round] / sharedRuns[round],
              100 * h2loadRuns[round] / rawRuns[round]);
        }
        System.out.printf("raw store creates/s, %d writers, generateName keys, the server's own"
            + " store %8.0f (median); HTTP median share of it %.0f%%%n", CONCURRENCY, rawShared,
            100 * medianShare(h2loadRuns, sharedRuns));
        System.out.printf("raw store creates/s, %d writers, generateName keys %8.0f (median)%n",
            CONCURRENCY, rawGenerated);
        System.out.printf("HTTP creates/s, h2load %d streams %7.0f (median; %.0f%% of 1 writer,"
            + " %.0f%% of %d; %.0f%% of %d with the same generateName keys; median share %.0f%%)%n",
            CONCURRENCY, h2load, 100 * h2load / rawSingle, 100 * h2load / raw, CONCURRENCY,
            100 * h2load / rawGenerated, CONCURRENCY, 100 * medianShare(h2loadRuns, rawRuns));
      } else {
        System.out.println("HTTP creates/s, h2load          not measured (h2load not on PATH)");
      }
      System.out.printf("GET  p50 %6.2f ms  p99 %6.2f ms%n", ms(get, 50), ms(get, 99));
      System.out.printf("LIST(%d) p50 %6.1f ms  p99 %6.1f ms%n", CREATES, ms(list, 50), ms(list, 99));
      if (!(http > 0)) {
        throw new IllegalStateException("no HTTP create succeeded");
      }
    }
  }

  /**
   * The bytes the store holds for one ConfigMap of {@code namespace}: the object as the API serves
   * it, without {@code metadata.resourceVersion} (which the store does not keep).
   */
  private static byte[] storedBytes(HttpClient client, String url, String namespace)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    String list = url + "/api/v1/namespaces/" + namespace + "/configmaps";
    String name = json.readTree(get(client, list + "?limit=1")).path("items").path(0)
        .path("metadata").path("name").asText();
    ObjectNode object = (ObjectNode) json.readTree(get(client, list + "/" + name));
    ((ObjectNode) object.path("metadata")).remove("resourceVersion");
    return json.writeValueAsBytes(object);
  }

  private static byte[] get(HttpClient client, String url) throws Exception {
    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).GET()
        .header("Authorization", "Bearer bench-token").build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + ": " + r.statusCode());
    }
    return r.body();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The median of the per-round shares {@code http[i] / raw[i]}. */
  private static double medianShare(double[] http, double[] raw) {
    double[] shares = new double[http.length];
    for (int i = 0; i < http.length; i++) {
      shares[i] = http[i] / raw[i];
    }
    return median(shares);
  }

  /** A name suffix like generateName's: five random characters of its alphabet, made unique. */
  private static String generatedSuffix(int i) {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    StringBuilder b = new StringBuilder(8);
    for (int k = 0; k < 5; k++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.append(i).toString();
  }

  private interface Op {
    boolean run(int i) throws Exception;
  }

  private static boolean send(HttpClient client, HttpRequest.Builder b, int code) throws Exception {
    HttpResponse<byte[]> r = client.send(b.header("Authorization", "Bearer bench-token")
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
    return r.statusCode() == code;
  }

  private static double rate(int n, int concurrency, Op op) throws Exception {
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        workers.add(pool.submit(() -> {
          int failed = 0;
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            failed += op.run(i) ? 0 : 1;
          }
          return failed;
        }));
      }
      for (Future<Integer> f : workers) {
        if (f.get() != 0) {
          throw new IllegalStateException(f.get() + " requests failed");
        }
      }
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }

  private static long[] latencies(int n, Op op) throws Exception {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      if (!op.run(i)) {
        throw new IllegalStateException("request " + i + " failed");
      }
      out[i] = System.nanoTime() - t;
    }
    Arrays.sort(out);
    return out;
  }

  private static double ms(long[] sorted, int percentile) {
    int i = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  private static HttpClient client(Path ca) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("ca", Pem.readCertificates(ca).get(0));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_2)
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
  }

}

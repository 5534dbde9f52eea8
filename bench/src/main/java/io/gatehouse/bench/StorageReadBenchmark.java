package io.gatehouse.bench;

import io.gatehouse.storage.GetResult;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import io.gatehouse.storage.SqliteKeyValueStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Read latencies of the SQLite store holding 10,000 ConfigMap-sized values (1 KiB) in one namespace
 * plus 10,000 in another, each key updated once (so every key has history): GET of a random key,
 * LIST of the whole namespace (10,000 items) and LIST of a 500-item page in the middle (kubectl's
 * chunk size). Run with {@code -bm sample} for percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class StorageReadBenchmark {

  private static final int OBJECTS = 10_000;
  private static final String NAMESPACE = "/registry/configmaps/bench/";

  private Path dir;
  private KeyValueStore store;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = StorageFixtures.tempDir();
    store =
        SqliteKeyValueStore.builder(dir.resolve("state.db"))
            .durability(SqliteKeyValueStore.Durability.NORMAL) // only to load faster
            .open();
    StorageFixtures.load(store, NAMESPACE, OBJECTS);
    StorageFixtures.load(store, "/registry/configmaps/other/", OBJECTS);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    StorageFixtures.delete(dir);
  }

  @Benchmark
  public GetResult get() {
    return store.get(StorageFixtures.key(NAMESPACE, ThreadLocalRandom.current().nextInt(OBJECTS)));
  }

  @Benchmark
  public ListResult list10000() {
    return require(store.list(NAMESPACE, ListOptions.latest()), OBJECTS);
  }

  @Benchmark
  public ListResult listPage500() {
    String after = StorageFixtures.key(NAMESPACE, OBJECTS / 2);
    return require(store.list(NAMESPACE, ListOptions.latest().withLimit(500).after(after)), 500);
  }

  private static ListResult require(ListResult result, int items) {
    if (!(result instanceof ListResult.Page page) || page.items().size() != items) {
      throw new IllegalStateException("unexpected list result " + result);
    }
    return result;
  }
}

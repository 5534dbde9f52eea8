package io.gatehouse.bench;

import io.gatehouse.storage.CreateResult;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.SqliteKeyValueStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Raw inserts per second into the SQLite store: creates of new keys with 1 KiB values, each
 * acknowledged (committed) before the next, from one thread and from eight (group commit shares the
 * fsync). {@code durability} compares {@code synchronous=FULL} (the default) with {@code NORMAL}.
 * This is the "raw inserts/s" the API server's ConfigMap creates are measured against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class StorageWriteBenchmark {

  @Param({"FULL", "NORMAL"})
  public String durability;

  private Path dir;
  private KeyValueStore store;
  private final AtomicLong next = new AtomicLong();
  private final byte[] value = StorageFixtures.value(1024);

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = StorageFixtures.tempDir();
    store =
        SqliteKeyValueStore.builder(dir.resolve("state.db"))
            .durability(SqliteKeyValueStore.Durability.valueOf(durability))
            .open();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    StorageFixtures.delete(dir);
  }

  @Benchmark
  public CreateResult insert1Thread() {
    return insert();
  }

  @Benchmark
  @Threads(8)
  public CreateResult insert8Threads() {
    return insert();
  }

  private CreateResult insert() {
    CreateResult result =
        store.create("/registry/configmaps/bench/cm-" + next.incrementAndGet(), value);
    if (!(result instanceof CreateResult.Created)) {
      throw new IllegalStateException("insert refused: " + result);
    }
    return result;
  }
}

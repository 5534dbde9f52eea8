package io.gatehouse.bench;

import io.gatehouse.storage.CreateResult;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.UpdateResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** Data and files for the storage benchmarks. */
final class StorageFixtures {

  private StorageFixtures() {}

  static Path tempDir() throws IOException {
    return Files.createTempDirectory("gatehouse-bench-storage");
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Random printable bytes of {@code size}, like a ConfigMap's JSON. */
  static byte[] value(int size) {
    byte[] value = new byte[size];
    for (int i = 0; i < size; i++) {
      value[i] = (byte) (' ' + ThreadLocalRandom.current().nextInt(95));
    }
    return value;
  }

  static String key(String prefix, int i) {
    return prefix + String.format("cm-%05d", i);
  }

  /** Creates {@code count} keys under {@code prefix}, then updates each once. */
  static void load(KeyValueStore store, String prefix, int count) {
    long[] revisions = new long[count];
    for (int i = 0; i < count; i++) {
      CreateResult created = store.create(key(prefix, i), value(1024));
      revisions[i] = created.revision();
    }
    for (int i = 0; i < count; i++) {
      if (!(store.update(key(prefix, i), revisions[i], value(1024))
          instanceof UpdateResult.Updated)) {
        throw new IllegalStateException("load failed at " + i);
      }
    }
  }
}

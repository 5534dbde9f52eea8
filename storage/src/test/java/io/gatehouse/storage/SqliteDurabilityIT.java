package io.gatehouse.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged writes survive {@code kill -9}: a child JVM ({@link DurabilityWriter}) writes with
 * the default durability and reports each acknowledged write; it is killed mid-stream ({@code
 * destroyForcibly}, SIGKILL on Linux); the reopened store must hold every reported write and still
 * work. Three kill cycles run on the same file.
 */
class SqliteDurabilityIT {

  private static final int ACKS_BEFORE_KILL = 400;

  @TempDir Path dir;

  @Test
  @Timeout(300)
  void killedWriter_reopenedStore_hasEveryAcknowledgedWrite() throws Exception {
    Path file = dir.resolve("state.db");
    Map<String, Long> createdAt = new HashMap<>();
    Map<String, Long> counters = new HashMap<>();

    for (int run = 0; run < 3; run++) {
      List<String> acks = runAndKill(file, "r" + run);
      for (String ack : acks) {
        String[] parts = ack.split(" ");
        switch (parts[0]) {
          case "create" -> createdAt.put(parts[1], Long.parseLong(parts[2]));
          case "update" -> counters.merge(parts[1], Long.parseLong(parts[2]), Math::max);
          default -> throw new AssertionError("unexpected line: " + ack);
        }
      }
      assertThat(acks).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

      try (KeyValueStore store = SqliteKeyValueStore.open(file)) {
        for (Map.Entry<String, Long> created : createdAt.entrySet()) {
          KeyValue kv =
              store
                  .get(created.getKey())
                  .kv()
                  .orElseThrow(
                      () -> new AssertionError("lost acknowledged create of " + created.getKey()));
          assertThat(kv.createRevision()).isEqualTo(created.getValue());
          assertThat(kv.value()).isEqualTo(DurabilityWriter.value(created.getKey()));
        }
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
          // Writes after the last acknowledgement may have committed too, never fewer.
          String value = new String(store.get(counter.getKey()).kv().orElseThrow().value(), UTF_8);
          long stored = Long.parseLong(value.substring(0, value.indexOf('|')));
          assertThat(stored).as(counter.getKey()).isGreaterThanOrEqualTo(counter.getValue());
        }
        long revision = store.currentRevision();
        assertThat(store.create("/after-crash/" + run, new byte[] {1}).revision())
            .isEqualTo(revision + 1);
      }
    }
  }

  /**
   * Starts a writer, waits for enough acknowledgements, kills it, returns every line it printed.
   */
  private static List<String> runAndKill(Path file, String run)
      throws IOException, InterruptedException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process child =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                DurabilityWriter.class.getName(),
                file.toString(),
                run,
                "4")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> acks = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
      assertThat(out.readLine()).isEqualTo(DurabilityWriter.READY);
      String line;
      while (acks.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
        acks.add(line);
      }
      child.toHandle().destroyForcibly(); // SIGKILL, leaving our end of the pipe open
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      // Lines printed before the kill are acknowledged writes too; a line cut short is dropped.
      while ((line = out.readLine()) != null) {
        if (line.endsWith(" " + DurabilityWriter.END)) {
          acks.add(line);
        }
      }
    }
    assertThat(child.exitValue()).isNotZero();
    return acks;
  }
}

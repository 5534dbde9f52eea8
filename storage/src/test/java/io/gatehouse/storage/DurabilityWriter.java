package io.gatehouse.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link SqliteDurabilityIT}: opens the store given as the first argument with
 * default settings and writes from several threads forever, printing one line per acknowledged
 * write ({@code create KEY REVISION .} or {@code update KEY VALUE .}) only after the store
 * returned. It never exits by itself; the test kills it.
 */
public final class DurabilityWriter {

  static final String READY = "ready";

  /** Ends every report line, so that a line cut short by the kill is recognisable. */
  static final String END = ".";

  private DurabilityWriter() {}

  public static void main(String[] args) throws InterruptedException {
    Path file = Path.of(args[0]);
    String run = args[1];
    int threads = Integer.parseInt(args[2]);
    KeyValueStore store = SqliteKeyValueStore.open(file);
    PrintStream out = new PrintStream(System.out, true, UTF_8);
    out.println(READY);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      writers.add(Thread.ofVirtual().start(() -> write(store, out, run, thread)));
    }
    for (Thread writer : writers) {
      writer.join();
    }
  }

  private static void write(KeyValueStore store, PrintStream out, String run, int thread) {
    String counter = "/counter/" + run + "/" + thread;
    long counterRevision = store.create(counter, value("0")).revision();
    for (long i = 1; ; i++) {
      String key = "/d/" + run + "/" + thread + "/" + i;
      if (store.create(key, value(key)) instanceof CreateResult.Created created) {
        out.println("create " + key + " " + created.revision() + " " + END);
      }
      if (store.update(counter, counterRevision, value(Long.toString(i)))
          instanceof UpdateResult.Updated updated) {
        counterRevision = updated.revision();
        out.println("update " + counter + " " + i + " " + END);
      }
    }
  }

  /** The value written for {@code text}: about 1 KiB derived from it. */
  static byte[] value(String text) {
    return (text + "|").repeat(1 + 1024 / (text.length() + 1)).getBytes(UTF_8);
  }
}

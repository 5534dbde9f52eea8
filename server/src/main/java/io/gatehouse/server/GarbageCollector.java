package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import io.gatehouse.server.GarbageCollectorWorker.AttemptToDelete;
import io.gatehouse.server.GarbageCollectorWorker.Orphan;
import io.gatehouse.server.GarbageCollectorWorker.Task;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import io.gatehouse.storage.Watch;
import io.gatehouse.storage.WatchEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-controller-manager's garbage collector, driven by the store: at start (and whenever its
 * watch is lost) it reads every stored object, rebuilds its {@link DependencyGraph} and queues
 * every dependent for a check, so that objects whose owners went while the server was down are
 * collected; then it follows the watch of all objects. A dependent is checked when its references
 * change or an owner it references is deleted; an owner being deleted with the {@code orphan}
 * finalizer has its dependents orphaned; one being deleted with {@code foregroundDeletion} has its
 * dependents deleted and is finished once no dependent blocks it ({@link GarbageCollectorWorker}).
 * Events ({@code events} in the core and {@code events.k8s.io} groups) are ignored, as upstream's
 * default. Only objects whose stored JSON mentions {@code ownerReferences} or {@code
 * deletionTimestamp} are decoded on change. Runs on one virtual thread; failed work is retried with
 * an exponential backoff (50 ms to 1 min). Thread-safe: {@link #close()} may be called from any
 * thread.
 */
final class GarbageCollector implements AutoCloseable {

  static final String PREFIX = "/registry/";
  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);
  private static final List<String> IGNORED = List.of("/registry/events/",
      "/registry/events.k8s.io/events/");
  private static final byte[] OWNER_REFERENCES =
      "\"ownerReferences\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DELETION_TIMESTAMP =
      "\"deletionTimestamp\"".getBytes(StandardCharsets.UTF_8);
  private static final int PAGE = 500;
  private static final int TASKS_PER_STEP = 16;

  private final KeyValueStore store;
  private final DependencyGraph graph = new DependencyGraph();
  private final RetryQueue<Task> queue =
      new RetryQueue<>(Duration.ofMillis(50), Duration.ofMinutes(1), System::nanoTime);
  private final GarbageCollectorWorker worker;
  private @Nullable Watch watch;
  private final BackgroundLoop loop = new BackgroundLoop("gatehouse-garbage-collector");

  GarbageCollector(Registry registry, ResourceTable table) {
    this.store = registry.store();
    this.worker = new GarbageCollectorWorker(registry, table, graph, queue::add);
  }

  /** Starts the collector's thread; its first act is the full pass. */
  GarbageCollector start() {
    loop.start(this::run);
    return this;
  }

  private void run() {
    try {
      loop();
    } finally {
      closeWatch();
    }
  }

  private void loop() {
    while (!loop.stopped()) {
      try {
        resync();
        while (!loop.stopped() && step(queue.untilNext()) >= 0) {
          // keep following the watch
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (loop.stopped()) {
          return;
        }
        LOG.atWarn().setMessage("Garbage collector failed").addKeyValue("err", e.toString()).log();
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /**
   * Processes, on the calling thread, everything that is due until nothing is: the full pass
   * first if none ran yet, then the store's changes up to its current revision and the queued
   * work, again and again. For tests and callers that do not {@link #start()} the collector.
   *
   * @throws IllegalStateException if the watch ends or does not catch up within 10 s
   */
  void runUntilQuiet() throws InterruptedException {
    if (watch == null) {
      resync();
    }
    while (catchUp() + runDue() > 0) {
      // until no change and no due work is left
    }
  }

  /** Handles the watch's events up to the store's current revision; returns how many. */
  private int catchUp() throws InterruptedException {
    Watch w = watch;
    if (w == null) {
      throw new IllegalStateException("not watching");
    }
    w.requestProgress();
    int handled = 0;
    while (true) {
      WatchEvent e = w.poll(Duration.ofSeconds(10)).orElseThrow(() ->
          new IllegalStateException("the store's watch did not catch up"));
      switch (e) {
        case WatchEvent.Progress p -> {
          return handled;
        }
        case WatchEvent.Terminal t -> throw new IllegalStateException("watch ended: " + t);
        case WatchEvent.Change c -> {
          handle(c);
          handled++;
        }
      }
    }
  }

  /**
   * Rebuilds the graph from every stored object (listed page by page at one revision) and queues
   * the work they call for, then watches from that revision.
   */
  void resync() {
    closeWatch();
    graph.clear();
    queue.clear();
    long at = 0;
    String after = "";
    ListResult.Page page;
    do {
      ListResult r = store.list(PREFIX, new ListOptions(at, PAGE, after));
      if (!(r instanceof ListResult.Page p)) {
        throw new IllegalStateException("cannot list the store for garbage collection: " + r);
      }
      page = p;
      at = p.revision();
      for (KeyValue kv : p.items()) {
        handle(new WatchEvent.Created(kv));
      }
      after = p.lastKey();
    } while (page.more());
    watch = store.watch(PREFIX, at);
  }

  /**
   * Takes the watch's events (waiting up to {@code wait} for the first, or until one comes when
   * no retry is queued), then runs the due work. Only this thread queues work, so an untimed wait
   * misses nothing; close() interrupts it. (A timed wait on every burst of changes cost each
   * commit a wake-up of the JDK's delay scheduler.)
   *
   * @return how many events and tasks were processed, or -1 when the watch ended
   */
  private int step(Optional<Duration> wait) throws InterruptedException {
    Watch w = watch;
    if (w == null) {
      return -1;
    }
    int done = 0;
    Optional<WatchEvent> e = wait.isPresent() ? w.poll(wait.get()) : Optional.of(w.next());
    while (e.isPresent()) {
      if (e.get() instanceof WatchEvent.Terminal t) {
        if (t instanceof WatchEvent.Ended ended && ended.reason() == WatchEvent.Reason.STORE_CLOSED) {
          loop.stop();
        } else {
          LOG.atInfo().setMessage("Garbage collector relisting").addKeyValue("reason", t).log();
        }
        closeWatch();
        return -1;
      }
      handle(e.get());
      done++;
      e = w.poll(Duration.ZERO);
    }
    return done + runDue();
  }

  /** Runs the queued work that is due, at most {@value #TASKS_PER_STEP} tasks; returns how many. */
  private int runDue() {
    int done = 0;
    for (; done < TASKS_PER_STEP; done++) {
      Task task = queue.poll();
      if (task == null) {
        break;
      }
      run(task);
    }
    return done;
  }

  private void handle(WatchEvent e) {
    try {
      switch (e) {
        case WatchEvent.Created c -> observe(c.kv());
        case WatchEvent.Updated u -> observe(u.kv());
        case WatchEvent.Deleted d -> deleted(d.key(), d.previous());
        case WatchEvent.Progress p -> { }
        case WatchEvent.Compacted c -> { }
        case WatchEvent.Ended ended -> { }
      }
    } catch (RuntimeException ex) {
      // an undecodable value: nothing to collect there
      LOG.atWarn().setMessage("Garbage collector skipped a change").addKeyValue("event", e)
          .addKeyValue("err", ex.toString()).log();
    }
  }

  private void run(Task task) {
    try {
      switch (worker.run(task)) {
        case DONE -> queue.forget(task);
        case REQUEUE -> queue.addSoon(task);
        case RETRY -> queue.addRateLimited(task);
      }
    } catch (RuntimeException ex) {
      LOG.atWarn().setMessage("Garbage collection failed").addKeyValue("key", task.key())
          .addKeyValue("err", ex.toString()).log();
      queue.addRateLimited(task);
    }
  }

  /** A created or updated object (or one listed by the full pass). */
  private void observe(KeyValue kv) {
    String key = kv.key();
    if (ignored(key)) {
      return;
    }
    byte[] value = kv.value();
    if (graph.node(key).isEmpty() && !mentionsEither(value, OWNER_REFERENCES, DELETION_TIMESTAMP)) {
      return;
    }
    Unstructured obj = ObjectBytes.read(value, kv.modRevision());
    List<OwnerReference> owners = OwnerReference.of(obj);
    List<String> finalizers = Registry.finalizers(obj);
    boolean deleting = obj.metadata().containsKey("deletionTimestamp");
    boolean foreground = deleting
        && finalizers.contains(DeletionPropagation.FOREGROUND_FINALIZER);
    DependencyGraph.Change change = graph.put(key, obj.uid(), owners, foreground);
    for (OwnerReference ref : change.unblocked()) {
      graph.deletingDependents(ref.uid()).ifPresent(k -> queue.add(new AttemptToDelete(k,
          ref.uid())));
    }
    if (!change.added().isEmpty()) {
      queue.add(new AttemptToDelete(key, obj.uid()));
    }
    if (deleting && finalizers.contains(DeletionPropagation.ORPHAN_FINALIZER)) {
      queue.add(new Orphan(key, obj.uid()));
    }
    if (foreground) {
      enqueueDependents(obj.uid());
      queue.add(new AttemptToDelete(key, obj.uid()));
    }
  }

  /** A deleted object: its dependents are checked, and owners waiting for it advance. */
  private void deleted(String key, KeyValue previous) {
    if (ignored(key)) {
      return;
    }
    DependencyGraph.Node node = graph.remove(key);
    String uid = node != null ? node.uid()
        : graph.hasOwnedObjects() ? ObjectBytes.read(previous).uid() : "";
    if (!uid.isEmpty()) {
      enqueueDependents(uid);
    }
    if (node != null) {
      for (OwnerReference ref : node.owners()) {
        graph.deletingDependents(ref.uid()).ifPresent(k -> queue.add(new AttemptToDelete(k,
            ref.uid())));
      }
    }
  }

  private void enqueueDependents(String uid) {
    for (String dep : graph.dependents(uid)) {
      graph.node(dep).ifPresent(n -> queue.add(new AttemptToDelete(n.key(), n.uid())));
    }
  }

  private static boolean ignored(String key) {
    for (String prefix : IGNORED) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the stored JSON contains {@code a} or {@code b} (both starting with a quote): a cheap
   * filter before decoding, one pass over the bytes.
   */
  private static boolean mentionsEither(byte[] v, byte[] a, byte[] b) {
    byte quote = a[0];
    for (int i = 0; i < v.length - 1; i++) {
      if (v[i] == quote) {
        byte next = v[i + 1];
        if (next == a[1] && startsWith(v, i, a) || next == b[1] && startsWith(v, i, b)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] v, int at, byte[] needle) {
    return at + needle.length <= v.length
        && Arrays.equals(v, at, at + needle.length, needle, 0, needle.length);
  }

  private void closeWatch() {
    Watch w = watch;
    watch = null;
    if (w != null) {
      w.close();
    }
  }

  @Override
  public void close() {
    loop.stop();
  }
}

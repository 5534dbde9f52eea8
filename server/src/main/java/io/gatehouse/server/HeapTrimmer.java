package io.gatehouse.server;

import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives memory back once the server is idle: every {@link Settings#interval()} it samples the
 * heap, the resident set and the request count and, when {@link HeapTrimPolicy} says so (idle,
 * memory bloated, load since the last trim), trims: one full collection, after which the
 * collector shrinks the heap according to {@code -XX:MinHeapFreeRatio}/{@code
 * -XX:MaxHeapFreeRatio} (never below the initial heap) and uncommits the rest, and for the
 * server also glibc's {@code malloc_trim} ({@link #start(Settings, LongSupplier)}). Each trim is
 * logged at debug with the heap and resident set before and after.
 *
 * <p>Runs on one virtual thread from {@link #start} until {@link #close()} (idempotent, returns
 * once the thread has ended). A failing sample or trim is logged at warn and the next check goes
 * on. Thread-safe.
 */
final class HeapTrimmer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HeapTrimmer.class);

  /**
   * When and how the trimmer checks.
   *
   * @param interval the time between checks
   * @param idleAfter how long the server must have been quiet before a trim
   * @param quietRequests the most requests one check may see and still count as quiet
   * @param minExcessBytes the bloat below which a trim is not worth it: committed heap above
   *     used-after-GC, or resident set above its smallest sample
   */
  record Settings(Duration interval, Duration idleAfter, long quietRequests, long minExcessBytes) {

    /**
     * The server's: checks every 5 s; quiet means at most 5 requests per check (health probes);
     * a trim after 20 quiet seconds if at least 64 MiB of the committed heap is unused (the
     * launcher's 32 MiB young generation is always committed, so that is at least 32 MiB more) or
     * the resident set is 64 MiB above its smallest sample.
     */
    static final Settings SERVER =
        new Settings(Duration.ofSeconds(5), Duration.ofSeconds(20), 5, 64L << 20);

    Settings {
      Objects.requireNonNull(idleAfter);
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("heap trim interval must be positive");
      }
    }
  }

  private static final Path STATUS = Path.of("/proc/self/status");

  private final Thread thread;

  private HeapTrimmer(Thread thread) {
    this.thread = thread;
  }

  /**
   * Starts trimming this JVM, with the system clock: a trim is {@code System.gc()}, then the
   * {@code System.trim_native_heap} diagnostic command (glibc's {@code malloc_trim}: under load
   * the C heap — SQLite, TLS, the JIT — keeps freed memory, ~90 MB after 180,000 creates).
   */
  static HeapTrimmer start(Settings settings, LongSupplier requests) {
    return start(settings, Clock.systemUTC(), requests, HeapTrimmer::sampleHeap, () -> {
      System.gc();
      trimNativeHeap();
    });
  }

  /**
   * Runs the HotSpot diagnostic command {@code System.trim_native_heap} through JMX and logs its
   * report at debug ("Trim native heap: RSS+Swap: 288M->202M", or why it is not available, e.g.
   * on a C library other than glibc). Failures are logged, not thrown: a JVM without the command
   * just keeps its C heap.
   */
  static void trimNativeHeap() {
    try {
      Object report = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      LOG.atDebug().setMessage("Trimmed the native heap")
          .addKeyValue("report", String.valueOf(report).strip()).log();
    } catch (JMException | RuntimeException e) {
      LOG.atDebug().setMessage("Native heap not trimmed").setCause(e).log();
    }
  }

  /**
   * Starts a trimmer.
   *
   * @param settings when to check and trim
   * @param clock the time source for idleness
   * @param requests the total number of requests received so far
   * @param heap samples the memory
   * @param collect trims (runs a full collection, and whatever else gives memory back)
   */
  static HeapTrimmer start(Settings settings, Clock clock, LongSupplier requests,
      Supplier<MemorySample> heap, Runnable collect) {
    HeapTrimPolicy policy = new HeapTrimPolicy(settings.idleAfter(), settings.quietRequests(),
        settings.minExcessBytes(), clock.instant(), requests.getAsLong());
    Thread t = Thread.ofVirtual().name("gatehouse-heap-trimmer").unstarted(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(settings.interval());
          MemorySample before = heap.get();
          if (policy.shouldTrim(clock.instant(), requests.getAsLong(), before)) {
            long started = System.nanoTime();
            collect.run();
            MemorySample after = heap.get();
            LOG.atDebug().setMessage("Trimmed the idle heap")
                .addKeyValue("committedBefore", before.committedBytes())
                .addKeyValue("usedAfterGcBefore", before.usedAfterGcBytes())
                .addKeyValue("committedAfter", after.committedBytes())
                .addKeyValue("usedAfter", after.usedAfterGcBytes())
                .addKeyValue("residentBefore", before.residentBytes())
                .addKeyValue("residentAfter", after.residentBytes())
                .addKeyValue("millis", (System.nanoTime() - started) / 1_000_000).log();
          }
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          LOG.atWarn().setMessage("Heap trim check failed").setCause(e).log();
        }
      }
    });
    t.start();
    return new HeapTrimmer(t);
  }

  /**
   * Samples this JVM's heap: committed now, and the heap pools' use after the most recent
   * collection of any collector ({@code com.sun.management.GcInfo}); the heap in use now if no
   * collector reports one.
   */
  static MemorySample sampleHeap() {
    MemoryUsage now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
        .collect(Collectors.toSet());
    GcInfo latest = null;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof com.sun.management.GarbageCollectorMXBean hotspot) {
        GcInfo info = hotspot.getLastGcInfo();
        if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
          latest = info;
        }
      }
    }
    if (latest == null) {
      return new MemorySample(now.getCommitted(), now.getUsed(), residentBytes());
    }
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : latest.getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    return new MemorySample(now.getCommitted(), used, residentBytes());
  }

  /** Returns the resident set size ({@code VmRSS} of Linux's {@code /proc/self/status}), or -1. */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          // "VmRSS:    187356 kB"
          return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or an unexpected format: no resident size.
    }
    return -1;
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

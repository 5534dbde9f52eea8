package io.gatehouse.server;

import io.gatehouse.storage.KeyValueStore;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the store's history periodically, as kube-apiserver's compactor does every five
 * minutes, keeping the newest {@code retain} revisions (kine's retention) so that recent watches
 * and continue tokens stay valid. Runs on one virtual thread. Thread-safe.
 */
final class Compactor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Compactor.class);

  private final Thread thread;

  private Compactor(Thread thread) {
    this.thread = thread;
  }

  static Compactor start(KeyValueStore store, Duration interval, long retain) {
    Thread t = Thread.ofVirtual().name("gatehouse-compactor").start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(interval);
          long target = store.currentRevision() - retain;
          if (target > 0) {
            store.compact(target);
          }
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          LOG.atWarn().setMessage("Compaction failed").setCause(e).log();
        }
      }
    });
    return new Compactor(t);
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}

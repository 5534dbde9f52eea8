package io.gatehouse.server;

import org.jspecify.annotations.Nullable;

/**
 * The virtual thread of a background controller and its stop flag: {@link #start} runs the body
 * once on a new named virtual thread, {@link #stop} sets the flag the body polls and interrupts
 * its sleeps and waits. Thread-safe; start once, stop any number of times from any thread.
 */
final class BackgroundLoop {

  private final String name;
  private volatile boolean stopped;
  private volatile @Nullable Thread thread;

  BackgroundLoop(String name) {
    this.name = name;
  }

  /**
   * Starts {@code body} on the loop's thread.
   *
   * @throws IllegalStateException if the loop was started before
   */
  synchronized void start(Runnable body) {
    if (thread != null) {
      throw new IllegalStateException(name + " already started");
    }
    thread = Thread.ofVirtual().name(name).start(body);
  }

  /** Whether {@link #stop} was called. */
  boolean stopped() {
    return stopped;
  }

  /** Sets the stop flag and interrupts the thread, if started. Idempotent. */
  void stop() {
    stopped = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }
}

package io.gatehouse.server;

/**
 * Writes a response body chunk by chunk (a watch), on the request's virtual thread. Returning ends
 * the response.
 */
@FunctionalInterface
interface ResponseStream {

  /**
   * Writes chunks to {@code sink} until done or until {@link Sink#closed()} reports that the client
   * went away.
   *
   * @throws InterruptedException if the thread is interrupted (the server stops)
   */
  void write(Sink sink) throws InterruptedException;

  /** Where chunks go. Thread-safe. */
  interface Sink {

    /** Queues {@code chunk} for the client; returns {@code false} if the connection is closed. */
    boolean write(byte[] chunk);

    /** Returns whether the client closed the connection. */
    boolean closed();
  }
}

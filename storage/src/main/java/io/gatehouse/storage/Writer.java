package io.gatehouse.storage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The single writer of a store, with group commit: callers {@link #submit} operations and block; a
 * dedicated thread takes every operation queued so far (up to {@link #MAX_BATCH}), runs them in
 * order in one transaction, commits once (one fsync under {@code synchronous=FULL}), then publishes
 * the changes and answers the callers. An operation is acknowledged only after its commit, so
 * concurrent writers share fsyncs without weakening durability. If anything in a batch fails, the
 * batch is rolled back and every caller in it gets a {@link StorageException}.
 *
 * <p>The thread is a platform thread: it spends its life in native SQLite calls and fsyncs, which
 * would pin a virtual thread's carrier anyway.
 */
final class Writer implements AutoCloseable {

  /** An operation on the store inside the batch transaction. */
  interface Op<R> {
    R apply(WriteTxn txn) throws SQLException;
  }

  static final int MAX_BATCH = 256;

  private final WriteConnection connection;
  private final Consumer<List<WatchEvent.Change>> onCommit;
  private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final ReentrantLock admission = new ReentrantLock();
  private final Pending<Void> stop = new Pending<>(txn -> null);
  private final Thread thread;
  private boolean closing; // guarded by admission
  private volatile long committedRevision;

  /**
   * Starts the writer thread.
   *
   * @param onCommit receives each committed batch's changes, in revision order, on the writer
   *     thread; must not block
   */
  Writer(WriteConnection connection, Consumer<List<WatchEvent.Change>> onCommit)
      throws SQLException {
    this.connection = connection;
    this.onCommit = onCommit;
    this.committedRevision = connection.currentRevision();
    this.thread = Thread.ofPlatform().daemon().name("gatehouse-storage-writer").start(this::run);
  }

  /** The revision of the latest committed write. */
  long committedRevision() {
    return committedRevision;
  }

  /**
   * Runs {@code op} in the next batch and returns its result once committed.
   *
   * @throws IllegalStateException if the writer is closed
   * @throws StorageException if the batch failed
   */
  <R> R submit(Op<R> op) {
    Pending<R> pending = new Pending<>(op);
    admission.lock();
    try {
      if (closing) {
        throw new IllegalStateException("store is closed");
      }
      queue.add(pending);
    } finally {
      admission.unlock();
    }
    try {
      return pending.future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Stops accepting operations, runs those already accepted, and stops the thread. */
  @Override
  public void close() {
    admission.lock();
    try {
      if (closing) {
        return;
      }
      closing = true;
      queue.add(stop);
    } finally {
      admission.unlock();
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Pending<?>> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // Only close() ends the writer.
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      boolean stopping = batch.remove(stop);
      if (!batch.isEmpty()) {
        execute(batch);
      }
      batch.clear();
      if (stopping) {
        return;
      }
    }
  }

  private void execute(List<Pending<?>> batch) {
    WriteTxn txn = new WriteTxn(connection, committedRevision);
    try {
      connection.begin();
      for (Pending<?> pending : batch) {
        pending.apply(txn);
      }
      connection.commit();
    } catch (Throwable e) {
      connection.rollbackIfOpen();
      resynchronise();
      StorageException failure =
          e instanceof StorageException storage
              ? storage
              : new StorageException("write failed: " + e.getMessage(), e);
      batch.forEach(pending -> pending.future.completeExceptionally(failure));
      return;
    }
    committedRevision = txn.revision();
    onCommit.accept(txn.changes());
    batch.forEach(Pending::succeed);
  }

  /** After a failure, take the revision from the file: a failed COMMIT leaves nothing behind. */
  private void resynchronise() {
    try {
      committedRevision = connection.currentRevision();
    } catch (SQLException ignored) {
      // Keep the last known revision; the next batch fails the same way or succeeds.
    }
  }

  private static final class Pending<R> {
    private final Op<R> op;
    private final CompletableFuture<R> future = new CompletableFuture<>();
    private @Nullable R result;

    Pending(Op<R> op) {
      this.op = op;
    }

    void apply(WriteTxn txn) throws SQLException {
      result = op.apply(txn);
    }

    void succeed() {
      future.complete(result);
    }
  }
}

package io.gatehouse.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file of one store: an exclusive lock file (one process, one store object owns it), the
 * one writing connection and a pool of reading connections, all set up by {@link Pragmas} and
 * {@link Schema}. Thread-safe.
 */
final class Database implements AutoCloseable {

  /** Reads against the store's file, given a borrowed connection. */
  interface Read<T> {
    T apply(ReadConnection connection) throws SQLException;
  }

  private final FileChannel lockChannel;
  private final FileLock lock;
  private final WriteConnection writer;
  private final BlockingQueue<ReadConnection> readers;
  private final int readerCount;
  private volatile boolean closed;

  private Database(
      FileChannel lockChannel,
      FileLock lock,
      WriteConnection writer,
      List<ReadConnection> readers) {
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.writer = writer;
    this.readers = new ArrayBlockingQueue<>(readers.size(), false, readers);
    this.readerCount = readers.size();
  }

  /**
   * Opens (creating if needed) the store file and its directory.
   *
   * @throws StorageException if the file is in use, unreadable, or of a newer schema
   */
  static Database open(Path file, SqliteKeyValueStore.Durability durability, int readerCount) {
    Path absolute = file.toAbsolutePath();
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      Files.createDirectories(absolute.getParent());
      FileChannel channel = lockChannel(absolute);
      opened.add(channel);
      FileLock lock = tryLock(channel, absolute);
      Connection writing = connect(absolute, Pragmas.writer(durability));
      opened.add(writing);
      requireWal(writing, absolute);
      Schema.ensure(writing);
      execute(writing, List.of(Pragmas.STARTUP_CHECKPOINT));
      List<ReadConnection> readers = new ArrayList<>();
      for (int i = 0; i < readerCount; i++) {
        ReadConnection reader = new ReadConnection(connect(absolute, Pragmas.reader()));
        opened.add(reader);
        readers.add(reader);
      }
      return new Database(channel, lock, new WriteConnection(writing), readers);
    } catch (IOException | SQLException e) {
      opened.reversed().forEach(Database::closeQuietly);
      throw new StorageException("cannot open store " + absolute + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      opened.reversed().forEach(Database::closeQuietly);
      throw e;
    }
  }

  /** The writing connection; only the {@link Writer} thread uses it. */
  WriteConnection writer() {
    return writer;
  }

  /**
   * Runs {@code read} on a pooled reading connection, waiting for one if all are busy.
   *
   * @throws IllegalStateException if the store is closed
   * @throws StorageException if the read fails
   */
  <T> T read(Read<T> read) {
    ReadConnection connection = borrow();
    boolean completed = false;
    try {
      T result = read.apply(connection);
      completed = true;
      return result;
    } catch (SQLException e) {
      throw new StorageException("read failed: " + e.getMessage(), e);
    } finally {
      if (!completed) {
        connection.endQuietly(); // never pool a connection stuck in a transaction
      }
      readers.add(connection);
    }
  }

  private ReadConnection borrow() {
    if (closed) {
      throw new IllegalStateException("store is closed");
    }
    ReadConnection connection;
    try {
      connection = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for a read connection", e);
    }
    if (closed) {
      readers.add(connection);
      throw new IllegalStateException("store is closed");
    }
    return connection;
  }

  /** Waits for borrowed connections, closes every connection and releases the lock. */
  @Override
  public void close() {
    closed = true;
    for (int i = 0; i < readerCount; i++) {
      try {
        closeQuietly(readers.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    closeQuietly(writer);
    try {
      lock.release();
    } catch (IOException ignored) {
      // Closing the channel releases it too.
    }
    closeQuietly(lockChannel);
  }

  private static FileChannel lockChannel(Path file) throws IOException {
    return FileChannel.open(
        file.resolveSibling(file.getFileName() + ".lock"),
        StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
  }

  private static FileLock tryLock(FileChannel channel, Path file) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new StorageException("store " + file + " is in use by another store or process");
    }
    return lock;
  }

  private static Connection connect(Path file, List<String> pragmas) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    // Rows carry their own ids (the revision): asking SQLite for the generated key after every
    // insert, as the driver does by default, is a wasted query (~2 % of a create's CPU).
    config.setGetGeneratedKeys(false);
    Connection connection = config.createConnection("jdbc:sqlite:" + file);
    try {
      execute(connection, pragmas);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** WAL is what lets readers run beside the writer; some file systems cannot do it. */
  private static void requireWal(Connection connection, Path file) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
      String mode = rs.next() ? rs.getString(1) : "";
      if (!"wal".equalsIgnoreCase(mode)) {
        throw new StorageException(
            "store " + file + " cannot use write-ahead logging (journal mode " + mode + ")");
      }
    }
  }

  private static void execute(Connection connection, List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Best effort while shutting down or failing to open.
    }
  }
}

package io.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite backend against the contract, plus what only a file-backed store has. */
class SqliteKeyValueStoreTest extends KeyValueStoreContractTest {

  @TempDir Path dir;

  @Override
  protected KeyValueStore openStore() {
    return SqliteKeyValueStore.open(file());
  }

  @Override
  public boolean persistent() {
    return true;
  }

  private Path file() {
    return dir.resolve("db").resolve("state.db");
  }

  @Test
  void open_fileAlreadyOpen_throwsStorageException() {
    assertThatThrownBy(() -> SqliteKeyValueStore.open(file()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("in use");
  }

  @Test
  void open_afterClose_releasesTheFile() {
    store.close();

    store = SqliteKeyValueStore.open(file());

    assertThat(store.currentRevision()).isZero();
  }

  @Test
  void watch_bufferOverflow_endsTooSlow() throws Exception {
    store.close();
    store = SqliteKeyValueStore.builder(file()).watchBufferSize(2).open();
    try (Watch slow = store.watch("/", 0);
        Watch idle = store.watch("/none/", 0)) {
      for (int i = 0; i < 4; i++) {
        created("/k/" + i, "v");
      }
      idle.requestProgress();
      assertThat(next(idle, 1)).containsExactly(new WatchEvent.Progress(4));

      assertThat(next(slow, 3)).last().isEqualTo(new WatchEvent.Ended(WatchEvent.Reason.TOO_SLOW));
    }
  }

  @Test
  void schema_revisionTable_hasKineColumns() throws SQLException {
    created("/a", "a");
    store.close();

    List<String> columns = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA table_info(kine)")) {
      while (rs.next()) {
        columns.add(rs.getString("name"));
      }
    }
    store = openStore();

    assertThat(columns)
        .containsExactly(
            "id",
            "name",
            "created",
            "deleted",
            "create_revision",
            "prev_revision",
            "lease",
            "value",
            "old_value");
  }

  @Test
  void schema_version2_hasNoUniquePrevRevisionIndex() throws SQLException {
    created("/a", "a");
    store.close();

    List<String> indexes = indexes();
    store = openStore();

    assertThat(indexes).containsExactly("kine_name_id_deleted_index");
  }

  @Test
  void open_version1Store_dropsTheUniqueIndexAndKeepsItsData() throws SQLException {
    KeyValue a = created("/a", "a");
    store.close();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE UNIQUE INDEX kine_name_prev_revision_uindex"
          + " ON kine (name, prev_revision)");
      statement.execute("PRAGMA user_version = 1");
    }

    store = openStore();
    store.close();
    List<String> indexes = indexes();
    int version;
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
      version = rs.getInt(1);
    }
    store = openStore();

    assertThat(indexes).containsExactly("kine_name_id_deleted_index");
    assertThat(version).isEqualTo(2);
    assertThat(store.get("/a").kv()).contains(a);
  }

  private List<String> indexes() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index'"
            + " AND tbl_name = 'kine' AND sql IS NOT NULL ORDER BY name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  @Test
  void open_newerSchemaVersion_isRefused() throws SQLException {
    store.close();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA user_version = " + (Schema.VERSION + 1));
    }

    assertThatThrownBy(() -> SqliteKeyValueStore.open(file()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("newer");
    store = InMemoryKeyValueStore.create(); // for the after-each close
  }

  @Test
  void open_journalMode_isWal() throws SQLException {
    store.close();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
    store = openStore();
  }

  @Test
  void writes_walPastSqliteDefaultCheckpoint_notFoldedBeforeTenThousandPages() throws Exception {
    // SQLite's default (1,000 pages, ~4 MiB) would checkpoint and reuse the WAL from its start.
    byte[] value = new byte[3000];
    java.util.Arrays.fill(value, (byte) 'x');
    for (int i = 0; i < 2500; i++) {
      store.create("/registry/configmaps/default/w" + i, value);
    }

    long wal = java.nio.file.Files.size(Path.of(file() + "-wal"));

    assertThat(wal).isGreaterThan(6L * 1024 * 1024)
        .isLessThan((long) (Pragmas.WAL_AUTOCHECKPOINT_PAGES + 1000) * (4096 + 24));
  }
}

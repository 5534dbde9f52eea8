package io.gatehouse.server;

import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.SqliteKeyValueStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The storage-backed part of the server, wired together: the SQLite store under {@code
 * <data-dir>/db/state.db}, the registry and its REST handlers, the namespace controller (default
 * namespaces, namespace deletion) and the compactor. Built once at start-up; {@link
 * #closeables()} lists what {@link GatehouseServer#close()} closes, store last.
 */
final class Storage {

  private final ResourceHandler handler;
  private final List<AutoCloseable> closeables;

  private Storage(ResourceHandler handler, List<AutoCloseable> closeables) {
    this.handler = handler;
    this.closeables = closeables;
  }

  static Storage open(ServerOptions options, ResourceCatalog catalog, AtomicBoolean closing) {
    Path db = options.dataDir().resolve("db");
    try {
      Files.createDirectories(db);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + db, e);
    }
    KeyValueStore store = SqliteKeyValueStore.open(db.resolve("state.db"));
    ResourceTable table = new ResourceTable(catalog);
    NamespaceLifecycle lifecycle = new NamespaceLifecycle(store);
    Registry registry = new Registry(store, options.clock(), lifecycle);
    NamespaceController namespaces = new NamespaceController(registry, table,
        Duration.ofMillis(500));
    namespaces.createDefaults();
    namespaces.start();
    Compactor compactor = Compactor.start(store, Duration.ofMinutes(5), 1000);
    ResourceHandler handler = new ResourceHandler(table, registry, options.clock(),
        user -> WriteAdmission.NONE, closing::get, Duration.ofMinutes(1));
    return new Storage(handler, List.of(namespaces, compactor, store));
  }

  ResourceHandler handler() {
    return handler;
  }

  List<AutoCloseable> closeables() {
    return closeables;
  }
}

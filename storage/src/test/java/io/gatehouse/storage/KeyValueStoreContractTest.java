package io.gatehouse.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The semantics every {@link KeyValueStore} backend must have (kine's habit: one test suite for
 * every driver). A backend's test extends this class and says how to open its store; it then
 * inherits every test of {@link CrudContract}, {@link ConcurrencyContract}, {@link ListContract},
 * {@link WatchContract} and {@link CompactionContract} (the persistence tests run only for
 * persistent backends). Shipped in this module's test-jar for backends in other modules.
 */
@Timeout(120)
public abstract class KeyValueStoreContractTest
    implements CrudContract, ConcurrencyContract, ListContract, WatchContract, CompactionContract {

  /** The store under test, opened before each test and closed after it. */
  protected KeyValueStore store;

  /**
   * Opens the backend's store. For a persistent backend, a call after {@code close()} must open the
   * same data.
   */
  protected abstract KeyValueStore openStore();

  @Override
  public final KeyValueStore store() {
    return store;
  }

  @Override
  public final void reopenStore() {
    store.close();
    store = openStore();
  }

  @BeforeEach
  void openStoreUnderTest() {
    store = openStore();
  }

  @AfterEach
  void closeStoreUnderTest() {
    store.close();
  }
}

package io.gatehouse.server;

import io.gatehouse.storage.CompactResult;
import io.gatehouse.storage.CreateResult;
import io.gatehouse.storage.DeleteResult;
import io.gatehouse.storage.GetResult;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import io.gatehouse.storage.UpdateResult;
import io.gatehouse.storage.Watch;

/**
 * A {@link KeyValueStore} handing every call to another; subclasses override what they observe or
 * change. Thread-safe when the delegate is and the overrides are.
 */
class ForwardingStore implements KeyValueStore {

  private final KeyValueStore delegate;

  ForwardingStore(KeyValueStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public GetResult get(String key) {
    return delegate.get(key);
  }

  @Override
  public CreateResult create(String key, byte[] value) {
    return delegate.create(key, value);
  }

  @Override
  public UpdateResult update(String key, long expectedRevision, byte[] value) {
    return delegate.update(key, expectedRevision, value);
  }

  @Override
  public DeleteResult delete(String key, long expectedRevision) {
    return delegate.delete(key, expectedRevision);
  }

  @Override
  public ListResult list(String prefix, ListOptions options) {
    return delegate.list(prefix, options);
  }

  @Override
  public Watch watch(String prefix, long afterRevision) {
    return delegate.watch(prefix, afterRevision);
  }

  @Override
  public CompactResult compact(long revision) {
    return delegate.compact(revision);
  }

  @Override
  public long currentRevision() {
    return delegate.currentRevision();
  }

  @Override
  public void close() {
    delegate.close();
  }
}

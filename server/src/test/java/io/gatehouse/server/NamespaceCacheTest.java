package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.CreateResult;
import io.gatehouse.storage.GetResult;
import io.gatehouse.storage.InMemoryKeyValueStore;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.UpdateResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NamespaceCacheTest {

  private static byte[] namespace(String name, String phase) {
    return ("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name
        + "\"},\"status\":{\"phase\":\"" + phase + "\"}}").getBytes(StandardCharsets.UTF_8);
  }

  private static String phase(Unstructured ns) {
    return ns.get("status", "phase").orElseThrow().toString();
  }

  /** A store counting reads, optionally running {@code duringGet} in the middle of a read. */
  private static final class Probe extends ForwardingStore {
    final AtomicInteger gets = new AtomicInteger();
    Runnable duringGet = () -> {};

    Probe(KeyValueStore delegate) {
      super(delegate);
    }

    @Override
    public GetResult get(String key) {
      gets.incrementAndGet();
      GetResult r = super.get(key);
      Runnable once = duringGet;
      duringGet = () -> {};
      once.run();
      return r;
    }
  }

  private final Probe backing = new Probe(InMemoryKeyValueStore.create());
  private final NamespaceCache cache = new NamespaceCache(backing);

  @Test
  void namespace_readTwice_readsStoreOnce() {
    cache.store().create(NamespaceLifecycle.key("team"), namespace("team", "Active"));

    assertThat(cache.namespace("team")).map(NamespaceCacheTest::phase).contains("Active");
    assertThat(cache.namespace("team")).map(NamespaceCacheTest::phase).contains("Active");

    assertThat(backing.gets).hasValue(1);
  }

  @Test
  void namespace_afterWriteThroughCache_seesTheWrite() {
    long rev = ((CreateResult.Created) cache.store().create(NamespaceLifecycle.key("team"),
        namespace("team", "Active"))).kv().modRevision();
    assertThat(cache.namespace("team")).map(NamespaceCacheTest::phase).contains("Active");

    cache.store().update(NamespaceLifecycle.key("team"), rev, namespace("team", "Terminating"));

    assertThat(cache.namespace("team")).map(NamespaceCacheTest::phase).contains("Terminating");
  }

  @Test
  void namespace_afterDelete_isAbsent() {
    long rev = ((CreateResult.Created) cache.store().create(NamespaceLifecycle.key("team"),
        namespace("team", "Active"))).kv().modRevision();
    assertThat(cache.namespace("team")).isPresent();

    cache.store().delete(NamespaceLifecycle.key("team"), rev);

    assertThat(cache.namespace("team")).isEmpty();
  }

  @Test
  void namespace_absent_isNotCached() {
    assertThat(cache.namespace("later")).isEmpty();
    cache.store().create(NamespaceLifecycle.key("later"), namespace("later", "Active"));

    assertThat(cache.namespace("later")).isPresent();
  }

  @Test
  void namespace_writeDuringRead_staleReadNotKept() {
    long rev = ((CreateResult.Created) cache.store().create(NamespaceLifecycle.key("team"),
        namespace("team", "Active"))).kv().modRevision();
    backing.duringGet = () -> assertThat(cache.store().update(NamespaceLifecycle.key("team"), rev,
        namespace("team", "Terminating"))).isInstanceOf(UpdateResult.Updated.class);

    assertThat(cache.namespace("team")).map(NamespaceCacheTest::phase).contains("Active");

    assertThat(cache.namespace("team")).map(NamespaceCacheTest::phase).contains("Terminating");
  }

  @Test
  void namespace_callerModifiesCopy_cacheUnchanged() {
    cache.store().create(NamespaceLifecycle.key("team"), namespace("team", "Active"));

    cache.namespace("team").orElseThrow().metadataForWrite().put("name", "other");

    assertThat(cache.namespace("team")).map(Unstructured::name).contains("team");
  }

  @Test
  void store_writesOtherKeys_keepCache() {
    cache.store().create(NamespaceLifecycle.key("team"), namespace("team", "Active"));
    cache.namespace("team");

    cache.store().create("/registry/configmaps/team/c", namespace("c", "x"));
    cache.namespace("team");

    assertThat(backing.gets).hasValue(1);
  }
}

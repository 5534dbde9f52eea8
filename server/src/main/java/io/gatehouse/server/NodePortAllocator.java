package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.CreateResult;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.UpdateResult;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The node port allocator of kube-apiserver ({@code portallocator} over the etcd-backed bitmap):
 * the taken ports of {@code --service-node-port-range} are a bitmap in one {@code RangeAllocation}
 * object at {@value #KEY}, and every allocation or release is a read-modify-write of that object
 * conditional on its revision, retried on a concurrent write, so it is durable before the Service
 * that holds the port is written and two requests (or two servers on one store) never get the
 * same port. A stored bitmap for another range counts as empty (the repair, {@link
 * NodePortRepair}, rewrites it from the Services). Thread-safe.
 */
final class NodePortAllocator {

  /** Where the bitmap lives ({@code /ranges/servicenodeports} under the {@code /registry} prefix). */
  static final String KEY = "/registry/ranges/servicenodeports";

  private final KeyValueStore store;
  private final PortRange range;
  private final RandomGenerator random;

  NodePortAllocator(KeyValueStore store, PortRange range, RandomGenerator random) {
    this.store = store;
    this.range = range;
    this.random = random;
  }

  PortRange range() {
    return range;
  }

  /** Reserves {@code port}: refused when outside the range or already taken. */
  Reservation<Integer> allocate(int port) {
    if (!range.contains(port)) {
      return new Reservation.Refused<>(Reservation.portNotInRange(range));
    }
    int offset = port - range.base();
    return mutate(bits -> {
      if (bits.get(offset)) {
        return new Change<>(new Reservation.Refused<>(Reservation.PORT_ALLOCATED), false);
      }
      bits.set(offset);
      return new Change<>(new Reservation.Reserved<>(port), true);
    });
  }

  /** Reserves a free port, preferring the upper subrange; refused when the range is full. */
  Reservation<Integer> allocateNext() {
    return mutate(bits -> {
      OptionalInt offset = AllocationBitmap.next(bits, range.size(), range.rangeOffset(), random);
      if (offset.isEmpty()) {
        return new Change<>(new Reservation.Refused<>(Reservation.FULL), false);
      }
      bits.set(offset.getAsInt());
      return new Change<>(new Reservation.Reserved<>(range.base() + offset.getAsInt()), true);
    });
  }

  /** Frees {@code port}; freeing a free port or one outside the range does nothing. */
  void release(int port) {
    if (!range.contains(port)) {
      return;
    }
    int offset = port - range.base();
    mutate(bits -> {
      boolean was = bits.get(offset);
      bits.clear(offset);
      return new Change<>(Boolean.TRUE, was);
    });
  }

  /** Whether {@code port} is taken. */
  boolean has(int port) {
    return range.contains(port) && read().map(s -> s.bits().get(port - range.base()))
        .orElse(false);
  }

  /**
   * The stored bitmap's taken offsets and the revision a {@link #replace} is conditional on; a
   * missing bitmap, or one of another range, has no offsets taken.
   *
   * @param revision the stored object's revision, 0 when there is none
   * @param offsets the taken offsets
   * @param current whether a bitmap of this range is stored
   */
  record Snapshot(long revision, BitSet offsets, boolean current) {}

  /** Reads the bitmap for a repair. */
  Snapshot snapshot() {
    Optional<Stored> stored = read();
    return new Snapshot(stored.map(c -> c.kv().modRevision()).orElse(0L),
        stored.map(Stored::bits).orElseGet(BitSet::new),
        stored.map(Stored::sameRange).orElse(false));
  }

  /**
   * Writes {@code offsets} as the whole bitmap unless it changed since {@code base} was read (the
   * repair's conditional {@code CreateOrUpdate}).
   *
   * @return false on a concurrent change (nothing written)
   */
  boolean replace(Snapshot base, BitSet offsets) {
    byte[] value = ObjectBytes.write(Unstructured.wrap(rangeAllocation(offsets)));
    return base.revision() == 0
        ? store.create(KEY, value) instanceof CreateResult.Created
        : store.update(KEY, base.revision(), value) instanceof UpdateResult.Updated;
  }

  private record Stored(KeyValue kv, BitSet bits, boolean sameRange) {}

  private record Change<R>(R result, boolean write) {}

  private Optional<Stored> read() {
    return store.get(KEY).kv().map(kv -> {
      Unstructured obj = ObjectBytes.read(kv);
      if (!range.toString().equals(obj.object().get("range"))) {
        return new Stored(kv, new BitSet(), false);
      }
      return new Stored(kv, AllocationBitmap.decode(
          obj.object().get("data") instanceof String s ? s : ""), true);
    });
  }

  private <R> R mutate(Function<BitSet, Change<R>> change) {
    while (true) {
      Optional<Stored> current = read();
      BitSet bits = current.map(Stored::bits).orElseGet(BitSet::new);
      Change<R> c = change.apply(bits);
      if (!c.write()) {
        return c.result();
      }
      byte[] value = ObjectBytes.write(Unstructured.wrap(rangeAllocation(bits)));
      boolean written = current.isEmpty()
          ? store.create(KEY, value) instanceof CreateResult.Created
          : store.update(KEY, current.get().kv().modRevision(), value)
              instanceof UpdateResult.Updated;
      if (written) {
        return c.result();
      }
    }
  }

  private Map<String, @Nullable Object> rangeAllocation(BitSet bits) {
    Map<String, @Nullable Object> obj = new LinkedHashMap<>();
    obj.put("kind", "RangeAllocation");
    obj.put("apiVersion", "v1");
    Map<String, @Nullable Object> meta = new LinkedHashMap<>();
    meta.put("creationTimestamp", null);
    obj.put("metadata", meta);
    obj.put("range", range.toString());
    obj.put("data", AllocationBitmap.encode(bits));
    return obj;
  }
}

package io.gatehouse.cel.library;

import com.google.common.primitives.UnsignedLong;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * cel-go's {@code types.InsertMapKeyValue} behind {@code cel.@mapInsert}: the map with one more
 * entry, failing with {@code insert failed: key <k> already exists} when an equal key is present.
 * Keys compare with CEL equality, so {@code 0} and {@code 0u} collide.
 *
 * <p>The first argument is always a comprehension accumulator; like cel-go's mutable accumulator,
 * a map this class created is extended in place so a transform stays linear. Stateless;
 * thread-safe (each evaluation owns its accumulators).
 */
final class MapInsert {

  private MapInsert() {}

  static Map<Object, Object> entry(Map<?, ?> map, Object key, Object value) {
    Accumulator result = Accumulator.from(map);
    result.insert(key, value);
    return result;
  }

  static Map<Object, Object> all(Map<?, ?> map, Map<?, ?> additions) {
    Accumulator result = Accumulator.from(map);
    additions.forEach(result::insert);
    return result;
  }

  /** An insertion-ordered map that also indexes its keys under CEL equality. */
  private static final class Accumulator extends LinkedHashMap<Object, Object> {
    private final Set<Object> celKeys = new HashSet<>();

    static Accumulator from(Map<?, ?> map) {
      if (map instanceof Accumulator own) {
        return own;
      }
      Accumulator copy = new Accumulator();
      map.forEach(copy::insert);
      return copy;
    }

    void insert(Object key, Object value) {
      if (!celKeys.add(celKey(key))) {
        throw new StandardFunctionException(
            "insert failed: key " + GoValueText.plain(key) + " already exists");
      }
      put(key, value);
    }

    private static Object celKey(Object key) {
      return switch (key) {
        case Long l -> BigInteger.valueOf(l);
        case UnsignedLong u -> u.bigIntegerValue();
        default -> key;
      };
    }

    @Override
    public boolean equals(Object o) {
      return super.equals(o);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }
}

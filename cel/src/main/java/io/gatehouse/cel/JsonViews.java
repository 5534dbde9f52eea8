package io.gatehouse.cel;

import dev.cel.common.values.NullValue;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * Read-only CEL views of JSON-shaped Java values: maps and lists whose elements are converted as
 * {@link CelValues#fromJson} would convert them, on access instead of by copying the whole tree.
 * Admission builds CEL inputs from whole objects on every request; viewing them costs nothing up
 * front.
 *
 * <p>Views are as thread-safe as the underlying values (they never write). Mutators throw.
 */
final class JsonViews {

  private JsonViews() {}

  static Object view(@Nullable Object value) {
    if (value == null) {
      return NullValue.NULL_VALUE;
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double || value instanceof NullValue) {
      return value;
    }
    if (value instanceof Map<?, ?> m) {
      return m instanceof MapView ? m : new MapView(m);
    }
    if (value instanceof List<?> l) {
      return l instanceof ListView ? l : new ListView(l);
    }
    return CelValues.fromJson(value);
  }

  /** A map view; keys are used as they are (JSON keys are strings). */
  static final class MapView extends AbstractMap<Object, Object> {
    private final Map<?, ?> map;

    MapView(Map<?, ?> map) {
      this.map = map;
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public @Nullable Object get(Object key) {
      Object v = map.get(key);
      if (v == null) {
        return map.containsKey(key) ? NullValue.NULL_VALUE : null;
      }
      return view(v);
    }

    @Override
    public java.util.Set<Entry<Object, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<Object, Object>> iterator() {
          Iterator<? extends Entry<?, ?>> it = map.entrySet().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Entry<Object, Object> next() {
              Entry<?, ?> e = it.next();
              return new SimpleImmutableEntry<>(e.getKey(), view(e.getValue()));
            }
          };
        }

        @Override
        public int size() {
          return map.size();
        }
      };
    }
  }

  /** A list view. */
  static final class ListView extends AbstractList<Object> implements RandomAccess {
    private final List<?> list;

    ListView(List<?> list) {
      this.list = list;
    }

    @Override
    public Object get(int index) {
      return view(list.get(index));
    }

    @Override
    public int size() {
      return list.size();
    }
  }
}

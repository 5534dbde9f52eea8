package io.gatehouse.admission.limitrange;

import io.gatehouse.api.resource.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ResourceList} read from an object: resource name to quantity, in name order (the order
 * Go serializes maps in; upstream iterates them in random order). Values that are not quantities
 * are skipped: the registry's validation reports them. Mutable, not thread-safe.
 */
final class ResourceList {

  private static final long MAX_MILLI_VALUE = Long.MAX_VALUE / 1000;

  private final TreeMap<String, Quantity> values = new TreeMap<>();

  private ResourceList() {}

  /** An empty list. */
  static ResourceList empty() {
    return new ResourceList();
  }

  /** The quantities of a JSON map (anything else reads as an empty list). */
  static ResourceList of(@Nullable Object json) {
    ResourceList list = new ResourceList();
    if (json instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Quantity q = parse(e.getValue());
        if (q != null && e.getKey() instanceof String k) {
          list.values.put(k, q);
        }
      }
    }
    return list;
  }

  Map<String, Quantity> values() {
    return values;
  }

  @Nullable Quantity get(String resource) {
    return values.get(resource);
  }

  /** {@code addResourceList}: adds every quantity of {@code other}. */
  void add(ResourceList other) {
    other.values.forEach((k, v) -> values.merge(k, v, Quantity::add));
  }

  /** {@code maxResourceList}: keeps the greater quantity of each resource of {@code other}. */
  void max(ResourceList other) {
    other.values.forEach((k, v) -> values.merge(k, v, (a, b) -> b.compareTo(a) > 0 ? b : a));
  }

  ResourceList copy() {
    ResourceList c = new ResourceList();
    c.values.putAll(values);
    return c;
  }

  /** apimachinery's {@code Value()}: rounded up to an integer. */
  static long value(Quantity q) {
    return clamp(q.toBigDecimal().setScale(0, RoundingMode.CEILING));
  }

  /** apimachinery's {@code MilliValue()}: thousandths, rounded up. */
  static long milliValue(Quantity q) {
    return clamp(q.toBigDecimal().movePointRight(3).setScale(0, RoundingMode.CEILING));
  }

  /** Whether a value may be compared in thousandths without overflow. */
  static boolean fitsMilli(long value) {
    return value <= MAX_MILLI_VALUE;
  }

  private static long clamp(BigDecimal v) {
    if (v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return Long.MIN_VALUE;
    }
    return v.longValueExact();
  }

  private static @Nullable Quantity parse(@Nullable Object value) {
    String text = switch (value) {
      case String s -> s.strip();
      case Long l -> Long.toString(l);
      case Integer i -> Integer.toString(i);
      case Double d -> BigDecimal.valueOf(d).toPlainString();
      case null, default -> null;
    };
    if (text == null) {
      return null;
    }
    try {
      return Quantity.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}

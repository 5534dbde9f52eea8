package io.gatehouse.cel.cost;

import com.google.protobuf.ByteString;
import dev.cel.common.values.CelByteString;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runtime value sizes as cel-go measures them: {@code actualSize} (a {@code traits.Sizer}'s size:
 * code points of a string, bytes of a byte sequence, entries of a list or map, otherwise 1) and
 * Kubernetes' {@code traversalCost} (a walk over a value tree).
 *
 * <p>Stateless; thread-safe.
 */
final class ValueSize {

  private ValueSize() {}

  /**
   * cel-go's {@code actualSize}: the {@code size()} of strings, bytes, lists and maps, 1 for any
   * other value. From cel-go v0.20 a present optional measures as its value.
   */
  static long actual(@Nullable Object value, boolean unwrapOptional) {
    if (value instanceof String s) {
      return s.codePointCount(0, s.length());
    }
    if (value instanceof Collection<?> c) {
      return c.size();
    }
    if (value instanceof Map<?, ?> m) {
      return m.size();
    }
    if (value instanceof CelByteString b) {
      return b.size();
    }
    if (value instanceof ByteString b) {
      return b.size();
    }
    if (value instanceof byte[] b) {
      return b.length;
    }
    if (unwrapOptional && value instanceof Optional<?> o && o.isPresent()) {
      return actual(o.get(), true);
    }
    return 1;
  }

  /**
   * Kubernetes' {@code traversalCost}: {@code floor(0.1 * UTF-8 length)} for a string,
   * {@code floor(0.1 * length)} for bytes, the sum over elements (and keys) for lists and maps, 1
   * for anything else.
   */
  static long traversal(@Nullable Object value) {
    if (value instanceof String s) {
      return (long) (utf8Length(s) * CostFactors.STRING_TRAVERSAL);
    }
    if (value instanceof Collection<?> c) {
      long cost = 0;
      for (Object o : c) {
        cost += traversal(o);
      }
      return cost;
    }
    if (value instanceof Map<?, ?> m) {
      long cost = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        cost += traversal(e.getKey()) + traversal(e.getValue());
      }
      return cost;
    }
    if (value instanceof CelByteString || value instanceof ByteString || value instanceof byte[]) {
      return (long) (actual(value, false) * CostFactors.STRING_TRAVERSAL);
    }
    return 1;
  }

  /** The UTF-8 encoded length of {@code s} (Go's {@code len(string)}), without encoding it. */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}

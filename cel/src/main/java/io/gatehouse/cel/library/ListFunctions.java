package io.gatehouse.cel.library;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.CelOptions;
import dev.cel.runtime.RuntimeEquality;
import dev.cel.runtime.RuntimeHelpers;
import java.time.Duration;
import java.util.List;

/**
 * The implementations behind {@link ListsLibrary}, following upstream's {@code lists.go} over
 * cel-go's value traits: ordering by {@link ElementKind#compare}, addition with cel-go's overflow
 * checks, equality as CEL's {@code ==}.
 *
 * <p>Stateless; thread-safe. Failures are {@link dev.cel.common.exceptions.CelRuntimeException}s
 * carrying cel-go's text.
 */
final class ListFunctions {

  static final String NO_SUCH_OVERLOAD = "no such overload";

  private static final RuntimeEquality EQUALITY =
      RuntimeEquality.create(RuntimeHelpers.create(), CelOptions.current().build());

  private ListFunctions() {}

  static boolean isSorted(List<?> list) {
    Object prev = null;
    for (Object next : list) {
      requireComparable(next);
      if (prev != null && ElementKind.compare(prev, next) == 1) {
        return false;
      }
      prev = next;
    }
    return true;
  }

  /**
   * Returns the element {@code preferred} over all others: the one that every earlier candidate
   * compares {@code preferOver} to (1 for min, -1 for max), first one winning ties.
   */
  static Object extreme(List<?> list, String functionName, int preferOver) {
    Object result = null;
    for (Object next : list) {
      requireComparable(next);
      if (result == null || ElementKind.compare(result, next) == preferOver) {
        result = next;
      }
    }
    if (result == null) {
      throw new StandardFunctionException(functionName + " called on empty list");
    }
    return result;
  }

  static Object sum(ElementKind kind, List<?> list) {
    Object acc = switch (kind) {
      case INT -> 0L;
      case UINT -> UnsignedLong.ZERO;
      case DOUBLE -> 0.0d;
      case DURATION -> Duration.ZERO;
      case BOOL, TIMESTAMP, STRING, BYTES ->
          throw new IllegalArgumentException("not summable: " + kind);
    };
    for (Object next : list) {
      acc = add(acc, next);
    }
    return acc;
  }

  private static Object add(Object acc, Object next) {
    if (acc instanceof Long x && next instanceof Long y) {
      try {
        return Math.addExact(x, y);
      } catch (ArithmeticException e) {
        throw new StandardFunctionException("integer overflow");
      }
    }
    if (acc instanceof UnsignedLong x && next instanceof UnsignedLong y) {
      UnsignedLong sum = x.plus(y);
      if (sum.compareTo(x) < 0) {
        throw new StandardFunctionException("unsigned integer overflow");
      }
      return sum;
    }
    if (acc instanceof Double x && next instanceof Double y) {
      return x + y;
    }
    if (acc instanceof Duration x && next instanceof Duration y) {
      try {
        return Duration.ofNanos(Math.addExact(x.toNanos(), y.toNanos()));
      } catch (ArithmeticException e) {
        throw new StandardFunctionException("integer overflow");
      }
    }
    throw new StandardFunctionException(NO_SUCH_OVERLOAD);
  }

  static long indexOf(List<?> list, Object item) {
    for (int i = 0; i < list.size(); i++) {
      if (EQUALITY.objectEquals(list.get(i), item)) {
        return i;
      }
    }
    return -1;
  }

  static long lastIndexOf(List<?> list, Object item) {
    for (int i = list.size() - 1; i >= 0; i--) {
      if (EQUALITY.objectEquals(list.get(i), item)) {
        return i;
      }
    }
    return -1;
  }

  private static void requireComparable(Object value) {
    if (ElementKind.of(value).isEmpty()) {
      throw new StandardFunctionException(NO_SUCH_OVERLOAD);
    }
  }
}

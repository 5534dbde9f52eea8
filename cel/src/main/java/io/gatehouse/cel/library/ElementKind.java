package io.gatehouse.cel.library;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.CelByteString;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The CEL scalar types that cel-go orders ({@code traits.Comparer}), with the Java classes
 * cel-java represents them by and cel-go's {@code Compare} semantics.
 *
 * <p>Stateless; thread-safe.
 */
enum ElementKind {
  INT("int", SimpleType.INT, Long.class),
  UINT("uint", SimpleType.UINT, UnsignedLong.class),
  DOUBLE("double", SimpleType.DOUBLE, Double.class),
  BOOL("bool", SimpleType.BOOL, Boolean.class),
  DURATION("duration", SimpleType.DURATION, Duration.class),
  TIMESTAMP("timestamp", SimpleType.TIMESTAMP, Instant.class),
  STRING("string", SimpleType.STRING, String.class),
  BYTES("bytes", SimpleType.BYTES, CelByteString.class);

  private final String typeName;
  private final CelType celType;
  private final Class<?> javaClass;

  ElementKind(String typeName, CelType celType, Class<?> javaClass) {
    this.typeName = typeName;
    this.celType = celType;
    this.javaClass = javaClass;
  }

  /** Returns the CEL type name used in upstream overload ids ({@code "int"}). */
  String typeName() {
    return typeName;
  }

  CelType celType() {
    return celType;
  }

  /** Returns the kind of a cel-java value, or empty if cel-go cannot order it. */
  static Optional<ElementKind> of(Object value) {
    for (ElementKind kind : values()) {
      if (kind.javaClass.isInstance(value)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** Returns whether {@code value} is of this kind. */
  boolean isInstance(Object value) {
    return javaClass.isInstance(value);
  }

  /**
   * Compares as cel-go's {@code Compare} does for the purposes of ordering: -1 or 1 when {@code a}
   * orders before or after {@code b}, and 0 when they are equal <em>or</em> cannot be ordered
   * (different non-numeric types, NaN), where cel-go yields an error value that callers only ever
   * test against -1 and 1.
   */
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return NumericOrder.compare(x, y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Integer.signum(Boolean.compare(x, y));
    }
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    if (a instanceof CelByteString x && b instanceof CelByteString y) {
      return compareBytes(x.toByteArray(), y.toByteArray());
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return Integer.signum(x.compareTo(y));
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return Integer.signum(x.compareTo(y));
    }
    return 0;
  }

  // Go compares strings byte-wise in UTF-8, which orders like code points (not UTF-16 units).
  private static int compareCodePoints(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int cx = x.codePointAt(i);
      int cy = y.codePointAt(j);
      if (cx != cy) {
        return cx < cy ? -1 : 1;
      }
      i += Character.charCount(cx);
      j += Character.charCount(cy);
    }
    return Integer.signum((x.length() - i) - (y.length() - j));
  }

  private static int compareBytes(byte[] x, byte[] y) {
    return Integer.signum(java.util.Arrays.compareUnsigned(x, y));
  }
}

package io.gatehouse.cel.library;

import io.gatehouse.api.resource.Quantity;
import io.gatehouse.api.resource.QuantityFormat;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The CEL runtime value of type {@code kubernetes.Quantity}: upstream's {@code
 * *resource.Quantity} as the Kubernetes library handles it, including the pointer sharing that is
 * observable from CEL.
 *
 * <p>Upstream copies a {@code resource.Quantity} struct before {@code add}/{@code sub}, but the
 * copy shares the arbitrary-precision {@code *inf.Dec}; adding therefore also changes the receiver
 * when the receiver is in decimal form, and the result keeps sharing that number. {@code
 * compareTo}, {@code isGreaterThan} and {@code isLessThan} move an {@code int64}-form receiver to
 * the decimal form when the operand is decimal (after which {@code isInteger()} is false). Values
 * built by {@code quantity()} are struct values while {@code add}/{@code sub} results are pointers,
 * and upstream's {@code Equal} accepts only struct values as operand: {@code a == b} is numeric
 * equality if {@code b} came from {@code quantity()} and false otherwise. This class reproduces all
 * three, so verdicts match upstream.
 *
 * <p>Mutable and not thread-safe: a value belongs to one evaluation. {@link #equals} is
 * deliberately asymmetric, as upstream's; values are never used as map keys in CEL.
 */
final class CelQuantity {

  /** Go's {@code *inf.Dec}: decimal storage that struct copies share. */
  private static final class DecCell {
    private BigDecimal value;

    DecCell(BigDecimal value) {
      this.value = value;
    }
  }

  private final boolean structValue;
  private final QuantityFormat format;
  private @Nullable Quantity int64Form;
  private @Nullable DecCell decForm;

  private CelQuantity(
      boolean structValue, QuantityFormat format, @Nullable Quantity int64, @Nullable DecCell dec) {
    this.structValue = structValue;
    this.format = format;
    this.int64Form = int64;
    this.decForm = dec;
  }

  /** Wraps a parsed quantity, as {@code quantity()} returns it (a struct value). */
  static CelQuantity parsed(Quantity q) {
    return wrap(q, true);
  }

  private static CelQuantity wrap(Quantity q, boolean structValue) {
    return q.isDecimalForm()
        ? new CelQuantity(structValue, q.format(), null, new DecCell(q.toBigDecimal()))
        : new CelQuantity(structValue, q.format(), q, null);
  }

  /** Returns the quantity as it currently stands. */
  Quantity current() {
    return decForm != null ? Quantity.ofDecimal(decForm.value, format) : requireInt64();
  }

  /** {@code receiver.add(y)} with upstream's sharing; the result is a pointer value. */
  CelQuantity add(Quantity y) {
    return combine(current().add(y));
  }

  /** {@code receiver.sub(y)} with upstream's sharing; the result is a pointer value. */
  CelQuantity sub(Quantity y) {
    return combine(current().sub(y));
  }

  private CelQuantity combine(Quantity result) {
    DecCell shared = decForm;
    if (shared == null) {
      return wrap(result, false);
    }
    // The copy's arithmetic ran on the shared *inf.Dec, so the receiver sees the result too.
    shared.value = result.toBigDecimal();
    return new CelQuantity(false, result.format(), null, shared);
  }

  /** Compares as upstream's {@code q.Cmp(*other)}, which promotes an int64 receiver if needed. */
  int compareTo(CelQuantity other) {
    Quantity mine = current();
    Quantity theirs = other.current();
    if (mine.isDecimalForm() || theirs.isDecimalForm()) {
      if (decForm == null) {
        decForm = new DecCell(mine.toBigDecimal());
        int64Form = null;
      }
    }
    return mine.compareTo(theirs);
  }

  /**
   * Upstream's {@code Quantity.Equal}: numeric equality with a quantity built by {@code
   * quantity()}; false for anything else, including results of {@code add} and {@code sub}.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CelQuantity q && q.structValue && current().compareTo(q.current()) == 0;
  }

  @Override
  public int hashCode() {
    return current().hashCode();
  }

  @Override
  public String toString() {
    return current().toString();
  }

  private Quantity requireInt64() {
    if (int64Form == null) {
      throw new IllegalStateException("quantity has neither representation");
    }
    return int64Form;
  }
}

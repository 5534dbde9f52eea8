package io.gatehouse.cel.library;

import dev.cel.common.values.NullValue;
import io.gatehouse.cel.cost.RegexSizedValue;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The CEL runtime value of type {@code kubernetes.NamedFormat}: one of the named string formats
 * of the {@code format} library, with its validation function.
 *
 * <p>Kubernetes charges {@code validate(string)} like a regular expression match with the format's
 * {@code MaxRegexSize} ({@link #maxRegexSize()}), whether or not the format is checked by one.
 *
 * <p>Immutable and thread-safe. {@link #equals} follows upstream's {@code Format.Equal}: formats
 * are equal when their names are; comparing with {@code null} is false and with any other value
 * throws the CEL error {@code no such overload}, as in cel-go.
 */
final class NamedFormat implements RegexSizedValue {

  private final String name;
  private final Function<String, List<String>> validator;
  private final long maxRegexSize;

  /**
   * Creates a format.
   *
   * @param name upstream's {@code Format.Name}, e.g. {@code DNS1123Label}
   * @param validator returns the problems with a string, empty if it is valid
   * @param maxRegexSize upstream's {@code MaxRegexSize}: the regular expression length Kubernetes'
   *     cost model charges {@code validate} for
   */
  NamedFormat(String name, Function<String, List<String>> validator, long maxRegexSize) {
    this.name = name;
    this.validator = validator;
    this.maxRegexSize = maxRegexSize;
  }

  /** Returns upstream's name of the format. */
  String name() {
    return name;
  }

  @Override
  public long maxRegexSize() {
    return maxRegexSize;
  }

  /** Returns the problems with {@code value}; empty if it has the format. */
  List<String> validate(String value) {
    return validator.apply(value);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o instanceof NamedFormat f) {
      return name.equals(f.name);
    }
    if (o == null || o instanceof NullValue || o instanceof com.google.protobuf.NullValue) {
      return false;
    }
    throw new StandardFunctionException("no such overload");
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}

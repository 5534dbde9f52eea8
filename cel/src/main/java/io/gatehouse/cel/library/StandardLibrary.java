package io.gatehouse.cel.library;

import com.google.common.collect.ImmutableSet;
import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelOptions;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelInternalRuntimeLibrary;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.runtime.CelStandardFunctions.StandardFunction;
import dev.cel.runtime.RuntimeEquality;
import dev.cel.runtime.standard.CelStandardOverload;
import dev.cel.runtime.standard.IntFunction.IntOverload;
import dev.cel.runtime.standard.TimestampFunction.TimestampOverload;
import io.gatehouse.cel.KubernetesLibrary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * cel-go's standard library semantics where cel-java's bindings differ in result or error: Go's
 * {@code strconv} grammar for string conversions, Go's {@code time.ParseDuration} and the int64
 * nanosecond range of durations, the bounds of {@code int(double)}, and integer overflow of {@code
 * MIN % -1}. Failures carry cel-go's exact texts ({@code type conversion error from 'string' to
 * 'int'}, {@code integer overflow}, {@code duration overflow}, {@code modulus by zero}).
 *
 * <p>Runtime only: it replaces cel-java's bindings of the same overload ids (declarations are
 * unchanged) by filtering them out of the runtime's standard functions, replicating the gates
 * cel-java applies to its default set. Immutable singleton; thread-safe.
 */
public final class StandardLibrary implements KubernetesLibrary, CelInternalRuntimeLibrary {

  /** The singleton. */
  public static final StandardLibrary INSTANCE = new StandardLibrary();

  private static final String DURATION_OVERFLOW = "duration overflow";

  private StandardLibrary() {}

  @Override
  public String name() {
    return "cel.lib.std";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  /**
   * Unsupported: replacing standard bindings needs the runtime's options.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {
    throw new UnsupportedOperationException("requires the legacy runtime's internal hook");
  }

  @Override
  public void setRuntimeOptions(
      CelRuntimeBuilder runtimeBuilder, RuntimeEquality runtimeEquality, CelOptions celOptions) {
    List<CelFunctionBinding> replacements = bindings();
    Set<String> replaced =
        replacements.stream().map(CelFunctionBinding::getOverloadId).collect(Collectors.toSet());
    CelStandardFunctions standard =
        CelStandardFunctions.newBuilder()
            .filterFunctions(
                (function, overload) ->
                    enabledByDefault(function, overload, celOptions)
                        && !replaced.contains(
                            overload.newFunctionBinding(celOptions, runtimeEquality)
                                .getOverloadId()))
            .build();
    runtimeBuilder.setStandardEnvironmentEnabled(false);
    runtimeBuilder.setStandardFunctions(standard);
    runtimeBuilder.addFunctionBindings(replacements);
  }

  /** The gates of cel-java's own default standard function set. */
  private static boolean enabledByDefault(
      StandardFunction function, CelStandardOverload overload, CelOptions options) {
    if (overload.equals(IntOverload.INT64_TO_INT64)) {
      return options.enableUnsignedLongs();
    }
    if (overload.equals(TimestampOverload.INT64_TO_TIMESTAMP)) {
      return options.enableTimestampEpoch();
    }
    return options.enableHeterogeneousNumericComparisons()
        || !HETEROGENEOUS.contains(overload.toString());
  }

  /** Names of cel-java's cross-type numeric comparison overloads (gated by an option). */
  private static final ImmutableSet<String> HETEROGENEOUS =
      ImmutableSet.of(
          "LESS_INT64_UINT64", "LESS_UINT64_INT64", "LESS_INT64_DOUBLE", "LESS_DOUBLE_INT64",
          "LESS_UINT64_DOUBLE", "LESS_DOUBLE_UINT64",
          "LESS_EQUALS_INT64_UINT64", "LESS_EQUALS_UINT64_INT64", "LESS_EQUALS_INT64_DOUBLE",
          "LESS_EQUALS_DOUBLE_INT64", "LESS_EQUALS_UINT64_DOUBLE", "LESS_EQUALS_DOUBLE_UINT64",
          "GREATER_INT64_UINT64", "GREATER_UINT64_INT64", "GREATER_INT64_DOUBLE",
          "GREATER_DOUBLE_INT64", "GREATER_UINT64_DOUBLE", "GREATER_DOUBLE_UINT64",
          "GREATER_EQUALS_INT64_UINT64", "GREATER_EQUALS_UINT64_INT64",
          "GREATER_EQUALS_INT64_DOUBLE", "GREATER_EQUALS_DOUBLE_INT64",
          "GREATER_EQUALS_UINT64_DOUBLE", "GREATER_EQUALS_DOUBLE_UINT64");

  private static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from("modulo_int64", Long.class, Long.class, StandardLibrary::modulo),
        CelFunctionBinding.from("double_to_int64", Double.class, StandardLibrary::doubleToInt),
        CelFunctionBinding.from(
            "string_to_int64",
            String.class,
            s -> GoStrconv.parseInt(s).orElseThrow(() -> conversion("int"))),
        CelFunctionBinding.from(
            "string_to_uint64",
            String.class,
            s -> GoStrconv.parseUint(s).orElseThrow(() -> conversion("uint"))),
        CelFunctionBinding.from(
            "string_to_double",
            String.class,
            s -> GoStrconv.parseFloat(s).orElseThrow(() -> conversion("double"))),
        CelFunctionBinding.from(
            "string_to_bool",
            String.class,
            s -> GoStrconv.parseBool(s).orElseThrow(() -> conversion("bool"))),
        CelFunctionBinding.from(
            "string_to_duration",
            String.class,
            s -> GoDuration.parse(s).orElseThrow(() -> conversion("google.protobuf.Duration"))),
        CelFunctionBinding.from(
            "add_duration_duration",
            Duration.class,
            Duration.class,
            (a, b) -> checkedDuration(a.plus(b))),
        CelFunctionBinding.from(
            "subtract_duration_duration",
            Duration.class,
            Duration.class,
            (a, b) -> checkedDuration(a.minus(b))),
        CelFunctionBinding.from(
            "subtract_timestamp_timestamp",
            Instant.class,
            Instant.class,
            (a, b) -> checkedDuration(Duration.between(b, a))));
  }

  private static long modulo(long x, long y) {
    if (y == 0) {
      throw new StandardFunctionException("modulus by zero");
    }
    if (x == Long.MIN_VALUE && y == -1) {
      throw new StandardFunctionException("integer overflow");
    }
    return x % y;
  }

  private static long doubleToInt(double v) {
    // cel-go rejects the bounds themselves: both convert to exactly ±2^63.
    if (Double.isNaN(v) || v <= -0x1p63 || v >= 0x1p63) {
      throw new StandardFunctionException("integer overflow");
    }
    return (long) v;
  }

  private static Duration checkedDuration(Duration d) {
    if (!GoDuration.inRange(d)) {
      throw new StandardFunctionException(DURATION_OVERFLOW);
    }
    return d;
  }

  private static StandardFunctionException conversion(String target) {
    return new StandardFunctionException(
        "type conversion error from 'string' to '" + target + "'");
  }
}

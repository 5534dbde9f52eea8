package io.gatehouse.cel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * cel-go's text for a call whose arguments no overload accepts at runtime. It depends on how
 * cel-go binds the function:
 *
 * <ul>
 *   <li>operators and {@code size}/{@code matches} have one binding that requires a trait of the
 *       first operand: without the trait the call falls back to the operand's receiver dispatch
 *       ({@code string}, {@code timestamp} and {@code duration} are receivers, yielding {@code no
 *       such overload}) or fails with {@code no such overload: <function>}; with the trait the
 *       operand's method rejects the other argument with {@code no such overload};
 *   <li>{@code !_}, {@code @in}, logical operators, {@code startsWith}/{@code endsWith}/{@code
 *       contains} reject with a plain {@code no such overload};
 *   <li>the timestamp and duration accessors have no binding but receiver dispatch;
 *   <li>everything else (conversions, extension libraries) has per-overload bindings whose dynamic
 *       dispatch fails with {@code no such overload: <function>(<argument types>)}.
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
final class NoSuchOverload {

  static final String PLAIN = "no such overload";

  private static final Set<String> NUMBERS = Set.of("int", "uint", "double");
  private static final Set<String> RECEIVERS =
      Set.of("string", "google.protobuf.Timestamp", "google.protobuf.Duration");
  private static final Set<String> COMPARABLE =
      Set.of("bool", "int", "uint", "double", "string", "bytes", "google.protobuf.Timestamp",
          "google.protobuf.Duration");

  /** Function name → runtime type names having the trait its singleton binding requires. */
  private static final Map<String, Set<String>> TRAITS =
      Map.ofEntries(
          Map.entry("_+_", Set.of("int", "uint", "double", "string", "bytes", "list",
              "google.protobuf.Timestamp", "google.protobuf.Duration")),
          Map.entry("_-_", Set.of("int", "uint", "double", "google.protobuf.Timestamp",
              "google.protobuf.Duration")),
          Map.entry("_*_", NUMBERS),
          Map.entry("_/_", NUMBERS),
          Map.entry("_%_", Set.of("int", "uint")),
          Map.entry("-_", Set.of("bool", "int", "double", "google.protobuf.Duration")),
          Map.entry("_<_", COMPARABLE),
          Map.entry("_<=_", COMPARABLE),
          Map.entry("_>_", COMPARABLE),
          Map.entry("_>=_", COMPARABLE),
          Map.entry("size", Set.of("string", "bytes", "list", "map")),
          Map.entry("matches", Set.of("string")));

  private static final Set<String> ALWAYS_PLAIN =
      Set.of("!_", "@in", "_&&_", "_||_", "_?_:_", "startsWith", "endsWith", "contains",
          "_==_", "_!=_");

  private static final Set<String> RECEIVER_ONLY =
      Set.of("getFullYear", "getMonth", "getDayOfYear", "getDayOfMonth", "getDate",
          "getDayOfWeek", "getHours", "getMinutes", "getSeconds", "getMilliseconds");

  private NoSuchOverload() {}

  /**
   * Returns cel-go's text for calling {@code function} with {@code args} (the receiver first for a
   * member call).
   */
  static String text(String function, List<Object> args) {
    if (ALWAYS_PLAIN.contains(function) || args.isEmpty()) {
      return PLAIN;
    }
    String first = CelGoValues.typeName(args.get(0));
    Set<String> trait = TRAITS.get(function);
    if (trait != null || RECEIVER_ONLY.contains(function)) {
      boolean hasTrait = trait != null && trait.contains(first);
      return hasTrait || RECEIVERS.contains(first) ? PLAIN : PLAIN + ": " + function;
    }
    return PLAIN + ": " + function + "("
        + args.stream().map(CelGoValues::typeName).collect(Collectors.joining(", ")) + ")";
  }
}

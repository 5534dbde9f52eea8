package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.validator.CelAstValidator;
import io.gatehouse.cel.KubernetesLibrary;
import io.gatehouse.cel.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * cel-go's {@code ext.Strings} at the versions Kubernetes pins: version 0 ({@code charAt indexOf
 * lastIndexOf lowerAscii upperAscii replace split substring trim join}) for compatibility versions
 * before 1.29, version 2 (adds {@code <string>.format(list)}, {@code strings.quote} and a {@code
 * join} that checks each element) from 1.29. Indices count code points; error texts are cel-go's.
 *
 * <p>Offsets past the end of the string behave as the cel-go release of the emulated server does
 * (see {@link #forServer}). Immutable singletons; thread-safe.
 */
public final class StringsLibrary implements KubernetesLibrary {

  /** Overload id of {@code <string>.format(list)}. */
  static final String FORMAT_OVERLOAD = "string_format";

  private static final KubernetesVersion CEL_GO_0_22 = KubernetesVersion.of(1, 32);

  private static final StringsLibrary V0 = new StringsLibrary(0, OffsetRules.NOT_FOUND_PAST_END);
  private static final StringsLibrary V2 = new StringsLibrary(2, OffsetRules.NOT_FOUND_PAST_END);
  private static final StringsLibrary V0_LEGACY = new StringsLibrary(0, OffsetRules.ERROR_PAST_END);
  private static final StringsLibrary V2_LEGACY = new StringsLibrary(2, OffsetRules.ERROR_PAST_END);

  private final int version;
  private final OffsetRules offsets;

  private StringsLibrary(int version, OffsetRules offsets) {
    this.version = version;
    this.offsets = offsets;
  }

  /**
   * Returns the library at cel-go strings version {@code version} (0 or 2) as the newest supported
   * Kubernetes server (1.33, cel-go v0.23) implements it.
   *
   * @throws IllegalArgumentException for other versions
   */
  public static StringsLibrary version(int version) {
    return switch (version) {
      case 0 -> V0;
      case 2 -> V2;
      default -> throw new IllegalArgumentException("unsupported strings version " + version);
    };
  }

  /**
   * Returns this version as the cel-go release vendored by {@code server} implements it: before
   * 1.32 (cel-go v0.20 and older) {@code indexOf}/{@code lastIndexOf} with an offset at or past
   * the end fail with {@code index out of range}; from 1.32 they return -1.
   */
  @Override
  public StringsLibrary forServer(KubernetesVersion server) {
    boolean legacy = !server.atLeast(CEL_GO_0_22);
    return switch (version) {
      case 0 -> legacy ? V0_LEGACY : V0;
      default -> legacy ? V2_LEGACY : V2;
    };
  }

  /** Returns the cel-go strings version. */
  public int version() {
    return version;
  }

  @Override
  public String name() {
    return "cel.lib.ext.strings.v" + version;
  }

  @Override
  public List<CelAstValidator> astValidators() {
    return version >= 1 ? List.of(FormatCallValidator.INSTANCE) : List.of();
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(StringsDeclarations.forVersion(version));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(bindings());
  }

  private List<CelFunctionBinding> bindings() {
    OffsetRules rules = offsets;
    List<CelFunctionBinding> b = new ArrayList<>();
    b.add(CelFunctionBinding.from("string_char_at_int", String.class, Long.class,
        StringFunctions::charAt));
    b.add(CelFunctionBinding.from("string_index_of_string", String.class, String.class,
        (s, sub) -> StringFunctions.indexOf(s, sub, 0, rules)));
    b.add(CelFunctionBinding.from("string_index_of_string_int",
        List.of(String.class, String.class, Long.class),
        a -> StringFunctions.indexOf((String) a[0], (String) a[1], (Long) a[2], rules)));
    b.add(CelFunctionBinding.from("string_last_index_of_string", String.class, String.class,
        StringFunctions::lastIndexOf));
    b.add(CelFunctionBinding.from("string_last_index_of_string_int",
        List.of(String.class, String.class, Long.class),
        a -> StringFunctions.lastIndexOf((String) a[0], (String) a[1], (Long) a[2], rules)));
    b.add(CelFunctionBinding.from("string_lower_ascii", String.class,
        StringTransforms::lowerAscii));
    b.add(CelFunctionBinding.from("string_upper_ascii", String.class,
        StringTransforms::upperAscii));
    b.add(CelFunctionBinding.from("string_replace_string_string",
        List.of(String.class, String.class, String.class),
        a -> StringTransforms.replace((String) a[0], (String) a[1], (String) a[2], -1)));
    b.add(CelFunctionBinding.from("string_replace_string_string_int",
        List.of(String.class, String.class, String.class, Long.class),
        a -> StringTransforms.replace((String) a[0], (String) a[1], (String) a[2], (Long) a[3])));
    b.add(CelFunctionBinding.from("string_split_string", String.class, String.class,
        (s, sep) -> StringTransforms.split(s, sep, -1)));
    b.add(CelFunctionBinding.from("string_split_string_int",
        List.of(String.class, String.class, Long.class),
        a -> StringTransforms.split((String) a[0], (String) a[1], (Long) a[2])));
    b.add(CelFunctionBinding.from("string_substring_int", String.class, Long.class,
        StringFunctions::substring));
    b.add(CelFunctionBinding.from("string_substring_int_int",
        List.of(String.class, Long.class, Long.class),
        a -> StringFunctions.substring((String) a[0], (Long) a[1], (Long) a[2])));
    b.add(CelFunctionBinding.from("string_trim", String.class, StringTransforms::trim));
    b.add(CelFunctionBinding.from("list_join", List.class, l -> join(l, "", "join(list)")));
    b.add(CelFunctionBinding.from("list_join_string", List.class, String.class,
        (l, sep) -> join(l, sep, "join(list, string)")));
    if (version >= 1) {
      b.add(CelFunctionBinding.from(FORMAT_OVERLOAD, String.class, List.class,
          StringsLibrary::format));
      b.add(CelFunctionBinding.from("strings_quote", String.class, StringTransforms::quote));
    }
    return b;
  }

  private String join(List<?> list, String separator, String signature) {
    // cel-go's runtime type guard samples only the first element of a list(string) argument.
    if (!list.isEmpty() && !(list.get(0) instanceof String)) {
      throw new StandardFunctionException("no such overload: " + signature);
    }
    return version >= 2
        ? StringTransforms.joinV2(list, separator)
        : StringTransforms.joinV0(list, separator);
  }

  private static String format(String template, List<?> args) {
    try {
      return ValueFormatter.format(template, args);
    } catch (FormatException e) {
      throw new StandardFunctionException(e.getMessage());
    }
  }

  @Override
  public String toString() {
    return name() + "[" + offsets + "]";
  }
}

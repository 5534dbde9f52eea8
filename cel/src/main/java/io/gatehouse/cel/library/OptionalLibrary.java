package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.TypeParamType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelParserBuilder;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelInternalRuntimeLibrary;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.runtime.RuntimeEquality;
import io.gatehouse.cel.KubernetesLibrary;
import io.gatehouse.cel.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cel-go's {@code cel.OptionalTypes()} as the Kubernetes server's cel-go release provides it:
 * optional syntax ({@code x.?f}, {@code m[?k]}, {@code [?e]}, {@code {?k: v}}), {@code
 * optional.of/ofNonZeroValue/none}, {@code hasValue value or orValue}, the {@code optMap} and
 * {@code optFlatMap} macros (library version 1, every supported server), and from Kubernetes 1.33
 * (cel-go v0.23, library version 2) {@code <list>.first()}, {@code <list>.last()}, {@code
 * optional.unwrap(list)} and {@code <list>.unwrapOpt()}.
 *
 * <p>Kubernetes enables the option without pinning a library version, so the version follows the
 * server, not the compatibility version. Built on cel-java's optional library version 1 minus its
 * {@code optional.unwrap}, which cel-go only has from version 2 and under other overload ids.
 * Immutable singletons; thread-safe.
 */
public final class OptionalLibrary implements KubernetesLibrary, CelInternalRuntimeLibrary {

  private static final KubernetesVersion CEL_GO_0_23 = KubernetesVersion.of(1, 33);
  private static final OptionalLibrary V1 = new OptionalLibrary(1);
  private static final OptionalLibrary V2 = new OptionalLibrary(2);

  private static final TypeParamType V = TypeParamType.create("V");

  private final int version;
  private final CelOptionalLibrary base = CelExtensions.optional(1);

  private OptionalLibrary(int version) {
    this.version = version;
  }

  /** Returns the optional library of the cel-go release vendored by {@code server}. */
  public static OptionalLibrary atServer(KubernetesVersion server) {
    return server.atLeast(CEL_GO_0_23) ? V2 : V1;
  }

  @Override
  public OptionalLibrary forServer(KubernetesVersion server) {
    return atServer(server);
  }

  /** Returns cel-go's optional library version (1 or 2). */
  public int version() {
    return version;
  }

  @Override
  public String name() {
    return "cel.lib.optional";
  }

  @Override
  public void setParserOptions(CelParserBuilder parser) {
    base.setParserOptions(parser);
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addVarDeclarations(base.variables());
    List<CelFunctionDecl> functions = new ArrayList<>();
    for (CelFunctionDecl f : base.functions()) {
      if (!f.name().equals("optional.unwrap")) {
        functions.add(f);
      }
    }
    if (version >= 2) {
      ListType listV = ListType.create(V);
      ListType listOptV = ListType.create(OptionalType.create(V));
      functions.add(CelFunctionDecl.newFunctionDeclaration("first",
          CelOverloadDecl.newMemberOverload("list_first", OptionalType.create(V), listV)));
      functions.add(CelFunctionDecl.newFunctionDeclaration("last",
          CelOverloadDecl.newMemberOverload("list_last", OptionalType.create(V), listV)));
      functions.add(CelFunctionDecl.newFunctionDeclaration("optional.unwrap",
          CelOverloadDecl.newGlobalOverload("optional_unwrap", listV, listOptV)));
      functions.add(CelFunctionDecl.newFunctionDeclaration("unwrapOpt",
          CelOverloadDecl.newMemberOverload("optional_unwrapOpt", listV, listOptV)));
    }
    checker.addFunctionDeclarations(functions);
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    throw new UnsupportedOperationException("needs the runtime's equality; see the 3-arg form");
  }

  @Override
  public void setRuntimeOptions(
      CelRuntimeBuilder runtime, RuntimeEquality equality, CelOptions options) {
    // Registered first so that it wins over cel-java's binding, whose failure text differs.
    runtime.addFunctionBindings(
        CelFunctionBinding.from("optional_value", Optional.class, OptionalLibrary::value));
    base.setRuntimeOptions(runtime, equality, options);
    if (version >= 2) {
      runtime.addFunctionBindings(
          CelFunctionBinding.from("list_first", List.class,
              l -> l.isEmpty() ? Optional.empty() : Optional.of(l.get(0))),
          CelFunctionBinding.from("list_last", List.class,
              l -> l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1))),
          CelFunctionBinding.from(
              "optional_unwrap", List.class, l -> unwrap(l, "optional.unwrap(list)")),
          CelFunctionBinding.from("optional_unwrapOpt", List.class, l -> unwrap(l, "unwrapOpt(list)")));
    }
  }

  private static Object value(Optional<?> optional) {
    if (optional.isEmpty()) {
      throw new StandardFunctionException("optional.none() dereference");
    }
    return optional.get();
  }

  private static List<Object> unwrap(List<?> list, String signature) {
    // cel-go's runtime type guard samples only the first element of a list argument.
    if (!list.isEmpty() && !(list.get(0) instanceof Optional<?>)) {
      throw new StandardFunctionException("no such overload: " + signature);
    }
    List<Object> values = new ArrayList<>();
    for (Object element : list) {
      if (!(element instanceof Optional<?> opt)) {
        throw new StandardFunctionException(
            "value " + GoValueText.plain(element) + " is not optional");
      }
      opt.ifPresent(values::add);
    }
    return values;
  }

  @Override
  public String toString() {
    return name() + ".v" + version;
  }
}

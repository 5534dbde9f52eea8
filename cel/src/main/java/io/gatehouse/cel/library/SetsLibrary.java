package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.runtime.RuntimeEquality;
import dev.cel.runtime.RuntimeHelpers;
import io.gatehouse.cel.KubernetesLibrary;
import java.util.List;

/**
 * cel-go's {@code ext.Sets()} library ({@code cel.lib.ext.sets}): {@code sets.contains(list(T),
 * list(T))}, {@code sets.equivalent(list(T), list(T))} and {@code sets.intersects(list(T),
 * list(T))}, with cel-go's overload ids ({@code list_sets_contains_list}, …). Elements are compared
 * with CEL equality, so {@code 1}, {@code 1u} and {@code 1.0} are the same element, and lists and
 * maps compare deeply.
 *
 * <p>cel-java's {@code CelSetsExtensions} has the same semantics but other overload ids, which the
 * cost model keys on, hence this library. Immutable singleton; thread-safe; never fails.
 */
public final class SetsLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final SetsLibrary INSTANCE = new SetsLibrary();

  private static final ListType LIST_T = ListType.create(TypeParamType.create("T"));
  private static final RuntimeEquality EQUALITY =
      RuntimeEquality.create(RuntimeHelpers.create(), CelOptions.current().build());

  private SetsLibrary() {}

  @Override
  public String name() {
    return "cel.lib.ext.sets";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {
    checkerBuilder.addFunctionDeclarations(
        declaration("sets.contains", "list_sets_contains_list"),
        declaration("sets.equivalent", "list_sets_equivalent_list"),
        declaration("sets.intersects", "list_sets_intersects_list"));
  }

  private static CelFunctionDecl declaration(String function, String overloadId) {
    return CelFunctionDecl.newFunctionDeclaration(
        function, CelOverloadDecl.newGlobalOverload(overloadId, SimpleType.BOOL, LIST_T, LIST_T));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {
    runtimeBuilder.addFunctionBindings(
        CelFunctionBinding.from(
            "list_sets_contains_list", List.class, List.class, SetsLibrary::contains),
        CelFunctionBinding.from(
            "list_sets_equivalent_list",
            List.class,
            List.class,
            (a, b) -> contains(a, b) && contains(b, a)),
        CelFunctionBinding.from(
            "list_sets_intersects_list", List.class, List.class, SetsLibrary::intersects));
  }

  /** Returns whether every element of {@code sublist} is in {@code list}. */
  private static boolean contains(List<?> list, List<?> sublist) {
    for (Object e : sublist) {
      if (!has(list, e)) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether some element of {@code a} is in {@code b}. */
  private static boolean intersects(List<?> a, List<?> b) {
    for (Object e : a) {
      if (has(b, e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(List<?> list, Object element) {
    for (Object item : list) {
      if (EQUALITY.objectEquals(element, item)) {
        return true;
      }
    }
    return false;
  }
}

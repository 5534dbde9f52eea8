package io.gatehouse.cel.library;

import com.google.common.collect.ImmutableList;
import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The {@code kubernetes.lists} library: {@code isSorted}, {@code sum}, {@code min}, {@code max},
 * {@code indexOf} and {@code lastIndexOf} on lists, with upstream's overloads and ids ({@code
 * list_int_sum_int}, {@code list_a_index_of_int}, …) and cel-go's runtime dispatch: a call the
 * checker could not narrow to one overload (a {@code dyn} receiver) picks the first overload, in
 * declaration order, whose element type matches the list's first element.
 *
 * <p>Errors: {@code min called on empty list} / {@code max called on empty list}, {@code integer
 * overflow} and {@code unsigned integer overflow} from {@code sum}, {@code no such overload:
 * sum(list)} (cel-go's type guard) when no overload accepts the list's first element, and {@code
 * no such overload} for a later element of the wrong type. Immutable singleton; thread-safe.
 */
public final class ListsLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final ListsLibrary INSTANCE = new ListsLibrary();

  private static final List<ElementKind> COMPARABLE = List.of(ElementKind.values());
  private static final List<ElementKind> SUMMABLE =
      List.of(ElementKind.INT, ElementKind.UINT, ElementKind.DOUBLE, ElementKind.DURATION);
  private static final TypeParamType PARAM_A = TypeParamType.create("A");

  /** The functions with one overload per element type, and how each computes its result. */
  private enum Templated {
    IS_SORTED("isSorted", COMPARABLE, (kind, list) -> ListFunctions.isSorted(list)),
    SUM("sum", SUMMABLE, ListFunctions::sum),
    MAX("max", COMPARABLE, (kind, list) -> ListFunctions.extreme(list, "max", -1)),
    MIN("min", COMPARABLE, (kind, list) -> ListFunctions.extreme(list, "min", 1));

    final String function;
    final List<ElementKind> kinds;
    final BiFunction<ElementKind, List<?>, Object> impl;

    Templated(
        String function, List<ElementKind> kinds, BiFunction<ElementKind, List<?>, Object> impl) {
      this.function = function;
      this.kinds = kinds;
      this.impl = impl;
    }

    String overloadId(ElementKind kind) {
      String t = kind.typeName();
      return this == IS_SORTED
          ? "list_" + t + "_is_sorted_bool"
          : "list_" + t + "_" + function + "_" + t;
    }

    CelType resultType(ElementKind kind) {
      return this == IS_SORTED ? SimpleType.BOOL : kind.celType();
    }

    /** The id of the binding that dispatches calls the checker left to several overloads. */
    String dispatchId() {
      return "kubernetes_lists_" + function + "_dispatch";
    }

    /** Applies the overload of {@code kind}, after cel-go's runtime type guard. */
    Object apply(ElementKind kind, List<?> list) {
      if (!list.isEmpty() && !kind.isInstance(list.get(0))) {
        throw noMatchingOverload();
      }
      return impl.apply(kind, list);
    }

    /** Applies the first overload whose runtime type guard accepts {@code list}. */
    Object dispatch(List<?> list) {
      for (ElementKind kind : kinds) {
        if (list.isEmpty() || kind.isInstance(list.get(0))) {
          return impl.apply(kind, list);
        }
      }
      throw noMatchingOverload();
    }

    /** cel-go's {@code MaybeNoSuchOverload} text for a list argument no overload accepts. */
    StandardFunctionException noMatchingOverload() {
      return new StandardFunctionException(
          ListFunctions.NO_SUCH_OVERLOAD + ": " + function + "(list)");
    }
  }

  private ListsLibrary() {}

  @Override
  public String name() {
    return "kubernetes.lists";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {
    for (Templated f : Templated.values()) {
      List<CelOverloadDecl> overloads = new ArrayList<>();
      for (ElementKind kind : f.kinds) {
        overloads.add(
            CelOverloadDecl.newMemberOverload(
                f.overloadId(kind), f.resultType(kind), ListType.create(kind.celType())));
      }
      checkerBuilder.addFunctionDeclarations(
          CelFunctionDecl.newFunctionDeclaration(f.function, overloads));
    }
    checkerBuilder.addFunctionDeclarations(
        CelFunctionDecl.newFunctionDeclaration(
            "indexOf",
            CelOverloadDecl.newMemberOverload(
                "list_a_index_of_int", SimpleType.INT, ListType.create(PARAM_A), PARAM_A)),
        CelFunctionDecl.newFunctionDeclaration(
            "lastIndexOf",
            CelOverloadDecl.newMemberOverload(
                "list_a_last_index_of_int", SimpleType.INT, ListType.create(PARAM_A), PARAM_A)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {
    List<CelFunctionBinding> bindings = new ArrayList<>();
    for (Templated f : Templated.values()) {
      for (ElementKind kind : f.kinds) {
        bindings.add(
            CelFunctionBinding.from(f.overloadId(kind), List.class, list -> f.apply(kind, list)));
      }
      bindings.add(CelFunctionBinding.from(f.dispatchId(), List.class, f::dispatch));
    }
    bindings.add(
        CelFunctionBinding.from(
            "list_a_index_of_int", List.class, Object.class, ListFunctions::indexOf));
    bindings.add(
        CelFunctionBinding.from(
            "list_a_last_index_of_int", List.class, Object.class, ListFunctions::lastIndexOf));
    runtimeBuilder.addFunctionBindings(bindings);
  }

  /**
   * Routes calls that the checker resolved to several of one function's overloads (cel-java would
   * find them ambiguous, since every overload takes a {@code List}) to that function's dispatching
   * binding, as cel-go routes them to its function-level dispatcher.
   */
  @Override
  public CelAbstractSyntaxTree runtimeAst(CelAbstractSyntaxTree checked) {
    Map<Long, CelReference> references = new LinkedHashMap<>(checked.getReferenceMap());
    boolean changed = false;
    for (Map.Entry<Long, CelReference> e : references.entrySet()) {
      ImmutableList<String> ids = e.getValue().overloadIds();
      if (ids.size() < 2) {
        continue;
      }
      for (Templated f : Templated.values()) {
        if (f.kinds.stream().map(f::overloadId).toList().containsAll(ids)) {
          e.setValue(CelReference.newBuilder().addOverloadIds(f.dispatchId()).build());
          changed = true;
        }
      }
    }
    return changed
        ? CelAbstractSyntaxTree.newCheckedAst(
            checked.getExpr(), checked.getSource(), references, checked.getTypeMap())
        : checked;
  }
}

package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.MapType;
import dev.cel.common.types.TypeParamType;
import dev.cel.parser.CelParserBuilder;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;
import java.util.List;
import java.util.Map;

/**
 * cel-go's {@code ext.TwoVarComprehensions()} ({@code cel.lib.ext.comprev2}, Kubernetes 1.32+):
 * the macros {@code all}, {@code exists}, {@code existsOne}/{@code exists_one} with two variables
 * and {@code transformList}, {@code transformMap}, {@code transformMapEntry} (with an optional
 * filter), over lists (index, value) and maps (key, value), plus the internal {@code
 * cel.@mapInsert} function their expansions call. Macro and runtime error texts are cel-go's.
 *
 * <p>Immutable singleton; thread-safe.
 */
public final class TwoVarComprehensionsLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final TwoVarComprehensionsLibrary INSTANCE = new TwoVarComprehensionsLibrary();

  static final String MAP_INSERT = "cel.@mapInsert";
  static final String MAP_INSERT_KEY_VALUE = "@mapInsert_map_key_value";
  static final String MAP_INSERT_MAP = "@mapInsert_map_map";

  private TwoVarComprehensionsLibrary() {}

  @Override
  public String name() {
    return "cel.lib.ext.comprev2";
  }

  @Override
  public void setParserOptions(CelParserBuilder parser) {
    parser.addMacros(TwoVarMacros.all());
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    TypeParamType k = TypeParamType.create("K");
    TypeParamType v = TypeParamType.create("V");
    MapType mapKv = MapType.create(k, v);
    checker.addFunctionDeclarations(
        CelFunctionDecl.newFunctionDeclaration(
            MAP_INSERT,
            CelOverloadDecl.newGlobalOverload(MAP_INSERT_KEY_VALUE, mapKv, mapKv, k, v),
            CelOverloadDecl.newGlobalOverload(MAP_INSERT_MAP, mapKv, mapKv, mapKv)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from(
            MAP_INSERT_KEY_VALUE,
            List.of(Map.class, Object.class, Object.class),
            a -> MapInsert.entry((Map<?, ?>) a[0], a[1], a[2])),
        CelFunctionBinding.from(MAP_INSERT_MAP, Map.class, Map.class, MapInsert::all));
  }
}

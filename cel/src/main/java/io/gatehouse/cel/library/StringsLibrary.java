package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.extensions.CelExtensions;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/**
 * cel-go's {@code ext.Strings} library at the version Kubernetes pins. Work in progress: delegates
 * to cel-java's strings extension for every version.
 */
public final class StringsLibrary implements KubernetesLibrary {

  private static final StringsLibrary V0 = new StringsLibrary(0);
  private static final StringsLibrary V2 = new StringsLibrary(2);

  private final int version;

  private StringsLibrary(int version) {
    this.version = version;
  }

  /**
   * Returns the library at cel-go strings version {@code version} (0 or 2).
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

  /** Returns the cel-go strings version. */
  public int version() {
    return version;
  }

  @Override
  public String name() {
    return "cel.lib.ext.strings.v" + version;
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {
    CelExtensions.strings().setCheckerOptions(checkerBuilder);
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {
    CelExtensions.strings().setRuntimeOptions(runtimeBuilder);
  }
}

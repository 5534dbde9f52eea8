package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code cel.lib.ext.comprev2} library. Work in progress: declares nothing yet. */
public final class TwoVarComprehensionsLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final TwoVarComprehensionsLibrary INSTANCE = new TwoVarComprehensionsLibrary();

  private TwoVarComprehensionsLibrary() {}

  @Override
  public String name() {
    return "cel.lib.ext.comprev2";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

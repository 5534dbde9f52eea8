package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code cel.lib.ext.sets} library. Work in progress: declares nothing yet. */
public final class SetsLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final SetsLibrary INSTANCE = new SetsLibrary();

  private SetsLibrary() {}

  @Override
  public String name() {
    return "cel.lib.ext.sets";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

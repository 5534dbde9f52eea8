package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code kubernetes.format} library. Work in progress: declares nothing yet. */
public final class FormatLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final FormatLibrary INSTANCE = new FormatLibrary();

  private FormatLibrary() {}

  @Override
  public String name() {
    return "kubernetes.format";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

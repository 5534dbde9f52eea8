package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code kubernetes.quantity} library. Work in progress: declares nothing yet. */
public final class QuantityLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final QuantityLibrary INSTANCE = new QuantityLibrary();

  private QuantityLibrary() {}

  @Override
  public String name() {
    return "kubernetes.quantity";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code kubernetes.net.cidr} library. Work in progress: declares nothing yet. */
public final class CidrLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final CidrLibrary INSTANCE = new CidrLibrary();

  private CidrLibrary() {}

  @Override
  public String name() {
    return "kubernetes.net.cidr";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code kubernetes.net.ip} library. Work in progress: declares nothing yet. */
public final class IpLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final IpLibrary INSTANCE = new IpLibrary();

  private IpLibrary() {}

  @Override
  public String name() {
    return "kubernetes.net.ip";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

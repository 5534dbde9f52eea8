package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code kubernetes.Semver} library. Work in progress: declares nothing yet. */
public final class SemverLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final SemverLibrary INSTANCE = new SemverLibrary();

  private SemverLibrary() {}

  @Override
  public String name() {
    return "kubernetes.Semver";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

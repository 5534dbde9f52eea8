package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code kubernetes.regex} library. Work in progress: declares nothing yet. */
public final class RegexLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final RegexLibrary INSTANCE = new RegexLibrary();

  private RegexLibrary() {}

  @Override
  public String name() {
    return "kubernetes.regex";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

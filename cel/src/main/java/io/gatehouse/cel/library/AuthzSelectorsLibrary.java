package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code kubernetes.authzSelectors} library. Work in progress: declares nothing yet. */
public final class AuthzSelectorsLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final AuthzSelectorsLibrary INSTANCE = new AuthzSelectorsLibrary();

  private AuthzSelectorsLibrary() {}

  @Override
  public String name() {
    return "kubernetes.authzSelectors";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

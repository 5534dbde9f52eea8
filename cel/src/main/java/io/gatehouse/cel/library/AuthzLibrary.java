package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code kubernetes.authz} library. Work in progress: declares nothing yet. */
public final class AuthzLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final AuthzLibrary INSTANCE = new AuthzLibrary();

  private AuthzLibrary() {}

  @Override
  public String name() {
    return "kubernetes.authz";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

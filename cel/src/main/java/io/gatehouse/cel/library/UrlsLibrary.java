package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code kubernetes.urls} library. Work in progress: declares nothing yet. */
public final class UrlsLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final UrlsLibrary INSTANCE = new UrlsLibrary();

  private UrlsLibrary() {}

  @Override
  public String name() {
    return "kubernetes.urls";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/** The {@code kubernetes.lists} library. Work in progress: declares nothing yet. */
public final class ListsLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final ListsLibrary INSTANCE = new ListsLibrary();

  private ListsLibrary() {}

  @Override
  public String name() {
    return "kubernetes.lists";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checkerBuilder) {}

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtimeBuilder) {}
}

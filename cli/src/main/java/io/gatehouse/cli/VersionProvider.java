package io.gatehouse.cli;

import io.gatehouse.cel.KubernetesVersion;
import picocli.CommandLine;

/** Prints Gatehouse's version and the Kubernetes version whose semantics it implements. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String v = Gatehouse.class.getPackage().getImplementationVersion();
    return new String[] {
      "gatehouse " + (v == null ? "dev" : v),
      "Kubernetes semantics: " + KubernetesVersion.DEFAULT + " (selectable "
          + KubernetesVersion.OLDEST + "–" + KubernetesVersion.NEWEST + ")"
    };
  }
}

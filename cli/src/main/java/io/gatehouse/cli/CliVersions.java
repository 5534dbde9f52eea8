package io.gatehouse.cli;

import io.gatehouse.cel.KubernetesVersion;

/** Parses {@code --kubernetes-version} and enforces the supported range. */
final class CliVersions {

  private CliVersions() {}

  static KubernetesVersion parse(String text) {
    KubernetesVersion v;
    try {
      v = KubernetesVersion.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (!v.atLeast(KubernetesVersion.OLDEST) || !KubernetesVersion.NEWEST.atLeast(v)) {
      throw new UsageException(
          "unsupported --kubernetes-version " + v + ": supported "
              + KubernetesVersion.OLDEST + " to " + KubernetesVersion.NEWEST);
    }
    return v;
  }
}

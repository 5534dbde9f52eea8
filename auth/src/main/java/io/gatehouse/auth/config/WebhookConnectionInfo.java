package io.gatehouse.auth.config;

import org.jspecify.annotations.Nullable;

/**
 * How a webhook is reached.
 *
 * @param type {@code KubeConfigFile} or {@code InClusterConfig} (or anything, before validation)
 * @param kubeConfigFile the kubeconfig path, null when absent
 */
public record WebhookConnectionInfo(String type, @Nullable String kubeConfigFile) {

  /** {@code KubeConfigFile}. */
  public static final String KUBE_CONFIG_FILE = "KubeConfigFile";

  /** {@code InClusterConfig}. */
  public static final String IN_CLUSTER_CONFIG = "InClusterConfig";

  /**
   * Go's {@code %#v} of the internal struct, which upstream prints as the bad value of an
   * unsupported {@code type}. A set path prints as a pointer, whose address Go shows and Gatehouse
   * cannot: it is shown as {@code (*string)(…)}.
   */
  String goSyntax() {
    return "apiserver.WebhookConnectionInfo{Type:" + io.gatehouse.api.GoQuote.quote(type)
        + ", KubeConfigFile:" + (kubeConfigFile == null ? "(*string)(nil)" : "(*string)(…)") + "}";
  }
}

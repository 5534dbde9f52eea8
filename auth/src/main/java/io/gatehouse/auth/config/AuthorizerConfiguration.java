package io.gatehouse.auth.config;

import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code authorizers}.
 *
 * <p>Immutable.
 *
 * @param type {@code Webhook}, {@code RBAC}, {@code Node}, {@code AlwaysAllow}, {@code
 *     AlwaysDeny} (or anything the file says, before validation)
 * @param name the name (kube-apiserver requires the lower-case type for non-webhook types)
 * @param webhook the webhook settings, null when absent
 */
public record AuthorizerConfiguration(
    String type, String name, @Nullable WebhookConfiguration webhook) {

  /** {@code Webhook}. */
  public static final String WEBHOOK = "Webhook";

  /** {@code RBAC}. */
  public static final String RBAC = "RBAC";

  /** {@code Node}. */
  public static final String NODE = "Node";

  /** {@code AlwaysAllow}. */
  public static final String ALWAYS_ALLOW = "AlwaysAllow";

  /** {@code AlwaysDeny}. */
  public static final String ALWAYS_DENY = "AlwaysDeny";

  /** {@code ABAC}: known to kube-apiserver, not implemented by Gatehouse. */
  public static final String ABAC = "ABAC";
}

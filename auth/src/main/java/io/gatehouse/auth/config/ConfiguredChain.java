package io.gatehouse.auth.config;

import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.auth.AlwaysAllowAuthorizer;
import io.gatehouse.auth.AlwaysDenyAuthorizer;
import io.gatehouse.auth.AuthorizerChain;
import io.gatehouse.auth.cel.CompiledMatchCondition;
import io.gatehouse.auth.cel.MatchConditionCompiler;
import io.gatehouse.auth.cel.MatchConditionMatcher;
import io.gatehouse.auth.webhook.Backoff;
import io.gatehouse.auth.webhook.WebhookAuthorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds kube-apiserver's authorizer chain from a valid configuration (upstream's {@code
 * newForConfig}): the privileged group first, then each configured authorizer in order.
 *
 * <p>Stateless; thread-safe.
 */
public final class ConfiguredChain {

  private ConfiguredChain() {}

  /**
   * What the built-in authorizers are built from.
   *
   * @param rbac the RBAC authorizer over the cluster's RBAC objects
   * @param node the Node authorizer over the cluster's pods and volumes
   * @param compiler the matchConditions compiler (its version shapes the {@code request} value)
   * @param backoff the webhook retry backoff
   */
  public record Sources(
      Supplier<Authorizer> rbac,
      Supplier<Authorizer> node,
      MatchConditionCompiler compiler,
      Backoff backoff) {}

  /**
   * Builds the chain.
   *
   * @throws IllegalArgumentException if a webhook's kubeconfig cannot be used, or the
   *     configuration was not validated
   */
  public static AuthorizerChain build(AuthorizationConfiguration config, Sources sources) {
    List<AuthorizerChain.Entry> entries = new ArrayList<>();
    for (AuthorizerConfiguration a : config.authorizers()) {
      Authorizer authorizer = switch (a.type()) {
        case AuthorizerConfiguration.RBAC -> sources.rbac().get();
        case AuthorizerConfiguration.NODE -> sources.node().get();
        case AuthorizerConfiguration.ALWAYS_ALLOW -> AlwaysAllowAuthorizer.INSTANCE;
        case AuthorizerConfiguration.ALWAYS_DENY -> AlwaysDenyAuthorizer.INSTANCE;
        case AuthorizerConfiguration.WEBHOOK -> webhook(a, sources);
        default -> throw new IllegalArgumentException(
            "unknown authorization mode " + a.type() + " specified");
      };
      entries.add(new AuthorizerChain.Entry(a.type(), a.name(), authorizer));
    }
    return AuthorizerChain.of(entries);
  }

  private static WebhookAuthorizer webhook(AuthorizerConfiguration a, Sources sources) {
    WebhookConfiguration w = java.util.Objects.requireNonNull(a.webhook(), "validated webhook");
    List<CompiledMatchCondition.Compiled> compiled = new ArrayList<>();
    for (String expression : w.matchConditions()) {
      if (!(sources.compiler().compile(expression) instanceof CompiledMatchCondition.Compiled c)) {
        throw new IllegalArgumentException("matchCondition does not compile: " + expression);
      }
      compiled.add(c);
    }
    return WebhookAuthorizer.create(a.name(), w,
        MatchConditionMatcher.of(compiled, sources.compiler().version()),
        sources.compiler().version(), sources.backoff());
  }
}

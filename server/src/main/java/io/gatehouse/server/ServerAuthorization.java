package io.gatehouse.server;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.AuthorizerChain;
import io.gatehouse.auth.RuleResolver;
import io.gatehouse.auth.UserRules;
import io.gatehouse.auth.cel.MatchConditionCompiler;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.auth.config.AuthorizerConfiguration;
import io.gatehouse.auth.node.NodeAuthorizer;
import io.gatehouse.auth.node.NodeGraph;
import io.gatehouse.auth.rbac.BootstrapPolicy;
import io.gatehouse.cel.KubernetesVersion;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The server's authorizer: {@code system:masters}, then either the {@code --authorization-config}
 * chain (reloaded when the file changes, {@link ReloadableAuthorizer}) or the {@code
 * --authorization-mode} list (default RBAC). RBAC and Node are delegates the storage fills in
 * once the store is open: RBAC over the stored roles and bindings, Node over the stored pods,
 * PVCs, VolumeAttachments and ResourceSlices. Thread-safe.
 */
final class ServerAuthorization implements Authorizer, RuleResolver, AutoCloseable {

  private final SwappableAuthorizer<RbacAuthorizer> rbac;
  private final SwappableAuthorizer<NodeAuthorizer> node;
  private final Authorizer chain;
  private final RuleResolver rules;
  private final @Nullable ReloadableAuthorizer reloadable;
  private final boolean usesNode;
  private final AuthorizationConfigMetrics metrics;
  private final Duration poll;

  private ServerAuthorization(ServerOptions options, Supplier<RbacAuthorizer> initialRbac) {
    this.rbac = new SwappableAuthorizer<>(initialRbac);
    NodeAuthorizer noNodes = NodeAuthorizer.create(NodeGraph.fromObjects(List.of()),
        BootstrapPolicy.nodeRules(), nodeSelectors());
    this.node = new SwappableAuthorizer<>(() -> noNodes);
    this.metrics = new AuthorizationConfigMetrics("apiserver-" + UUID.randomUUID(),
        options.clock());
    this.poll = options.authorizationConfigPollInterval();
    Authorizer rbacDelegate = rbac;
    Authorizer nodeDelegate = node;
    if (options.authorizationConfig().isPresent()) {
      reloadable = ReloadableAuthorizer.load(options.authorizationConfig().get(),
          MatchConditionCompiler.create(KubernetesVersion.DEFAULT), () -> rbacDelegate,
          () -> nodeDelegate, metrics);
      chain = reloadable;
      rules = reloadable;
      usesNode = reloadable.usesNode();
    } else {
      reloadable = null;
      List<String> modes = options.effectiveAuthorizationModes();
      AuthorizerChain modesChain = AuthorizationModes.chain(modes, rbacDelegate, nodeDelegate);
      chain = modesChain;
      rules = modesChain;
      usesNode = modes.contains(AuthorizerConfiguration.NODE);
    }
  }

  /**
   * Builds the authorizer; RBAC answers from {@code initialRbac} until {@link #rbac} is set.
   *
   * @throws IllegalArgumentException for an unusable {@code --authorization-config} file, with
   *     every error
   */
  static ServerAuthorization create(ServerOptions options, Supplier<RbacAuthorizer> initialRbac) {
    return new ServerAuthorization(options, initialRbac);
  }

  /** {@code AuthorizeNodeWithSelectors}: beta and on from 1.32. */
  static boolean nodeSelectors() {
    return KubernetesVersion.DEFAULT.atLeast(KubernetesVersion.of(1, 32));
  }

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    return chain.authorize(attributes);
  }

  /**
   * The rules of the current chain's authorizers (SelfSubjectRulesReview), {@code system:masters}
   * left out as upstream does.
   */
  @Override
  public UserRules userRules(UserInfo user, String namespace) {
    return rules.userRules(user, namespace);
  }

  /** Replaces the RBAC authorizer's source. */
  void rbac(Supplier<RbacAuthorizer> source) {
    rbac.set(source);
  }

  /** Replaces the Node authorizer's source. */
  void node(Supplier<NodeAuthorizer> source) {
    node.set(source);
  }

  /** Whether the chain (as started) has a Node authorizer, so the node graph must be kept. */
  boolean usesNode() {
    return usesNode;
  }

  /** Starts reloading the configuration file, if there is one. */
  void startReloading() {
    if (reloadable != null) {
      reloadable.watch(poll);
    }
  }

  /** The reload metrics in the Prometheus text format. */
  String metrics() {
    return metrics.exposition();
  }

  @Override
  public void close() {
    if (reloadable != null) {
      reloadable.close();
    }
  }
}

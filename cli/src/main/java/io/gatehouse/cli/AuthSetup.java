package io.gatehouse.cli;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestDecoder;
import io.gatehouse.api.codec.ManifestError;
import io.gatehouse.api.codec.ManifestReader;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.auth.AuthorizerChain;
import io.gatehouse.auth.cel.MatchConditionCompiler;
import io.gatehouse.auth.config.AuthorizationConfigurationFile;
import io.gatehouse.auth.config.ConfiguredChain;
import io.gatehouse.auth.node.NodeAuthorizer;
import io.gatehouse.auth.node.NodeGraph;
import io.gatehouse.auth.rbac.BootstrapPolicy;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.auth.webhook.Backoff;
import io.gatehouse.cel.KubernetesVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What {@code can-i} and {@code who-can} evaluate against: the cluster from {@code --cluster}
 * (RBAC objects reconciled with the bootstrap policy, as a running API server has them; CRDs for
 * resource names; pods and volumes for the Node authorizer) and the authorizer chain — the
 * configured one, or kube-apiserver's default of {@code system:masters} then RBAC.
 *
 * @param catalog the resource catalog (built-in and the given CRDs)
 * @param chain the authorizer chain
 * @param configured whether the chain comes from {@code --authorization-config}
 */
record AuthSetup(ResourceCatalog catalog, AuthorizerChain chain, boolean configured) {

  /** The server version whose semantics apply (CEL environment, feature gates). */
  static final KubernetesVersion VERSION = KubernetesVersion.DEFAULT;

  /**
   * Reads the inputs; input problems are printed to {@code err} and end the command with exit 2.
   */
  static AuthSetup read(AuthRequestOptions o, PrintWriter err) {
    return read(o.cluster, o.authorizationConfig, err);
  }

  /** Reads {@code cluster} manifests and the optional configuration file. */
  static AuthSetup read(List<String> cluster, @Nullable String authorizationConfig, PrintWriter err) {
    if (cluster.stream().filter("-"::equals).count() > 1) {
      throw new UsageException("standard input ('-') can be given only once");
    }
    ManifestDecoder.Result decoded = ManifestReader.create(() -> System.in).read(cluster);
    if (!decoded.errors().isEmpty()) {
      for (ManifestError e : decoded.errors()) {
        err.println(e);
      }
      throw new UsageException("the --cluster manifests have errors");
    }
    List<Unstructured> objects = decoded.manifests().stream().map(Manifest::object).toList();
    List<Unstructured> crds = objects.stream()
        .filter(u -> u.groupVersionKind().group().equals("apiextensions.k8s.io")
            && u.kind().equals("CustomResourceDefinition"))
        .toList();
    ResourceCatalog catalog;
    try {
      catalog = ResourceCatalog.builtin().withCustomResourceDefinitions(crds);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    RbacAuthorizer rbac = rbacOf(objects);
    NodeAuthorizer node = nodeOf(objects);
    return create(catalog, rbac, node, authorizationConfig, err);
  }

  /**
   * The chain over state that changes: {@code rbac} and {@code node} are asked for the current
   * authorizer on every request (the catalog is the built-in one).
   */
  static AuthSetup live(Supplier<RbacAuthorizer> rbac, Supplier<NodeAuthorizer> node,
      @Nullable String authorizationConfig, PrintWriter err) {
    Authorizer currentRbac = a -> rbac.get().authorize(a);
    Authorizer currentNode = a -> node.get().authorize(a);
    return create(ResourceCatalog.builtin(), currentRbac, currentNode, authorizationConfig, err);
  }

  /** RBAC over {@code objects} reconciled with the bootstrap policy, as a running server has it. */
  static RbacAuthorizer rbacOf(List<Unstructured> objects) {
    return RbacAuthorizer.fromObjects(BootstrapPolicy.reconcile(objects));
  }

  /** The Node authorizer over the pods, volumes and attachments among {@code objects}. */
  static NodeAuthorizer nodeOf(List<Unstructured> objects) {
    return NodeAuthorizer.create(NodeGraph.fromObjects(objects), BootstrapPolicy.nodeRules(),
        VERSION.atLeast(KubernetesVersion.of(1, 32)));
  }

  /** The chain of {@code rbac} and {@code node} (kept as they are: who-can inspects their types). */
  private static AuthSetup create(ResourceCatalog catalog, Authorizer rbac, Authorizer node,
      @Nullable String authorizationConfig, PrintWriter err) {
    if (authorizationConfig == null) {
      return new AuthSetup(catalog, AuthorizerChain.of(
          List.of(new AuthorizerChain.Entry("RBAC", "rbac", rbac))), false);
    }
    MatchConditionCompiler compiler = MatchConditionCompiler.create(VERSION);
    return switch (AuthorizationConfigurationFile.load(Path.of(authorizationConfig), compiler)) {
      case AuthorizationConfigurationFile.Invalid invalid -> {
        for (String e : invalid.errors()) {
          err.println(authorizationConfig + ": " + e);
        }
        throw new UsageException("invalid --authorization-config " + authorizationConfig);
      }
      case AuthorizationConfigurationFile.Valid valid -> {
        try {
          yield new AuthSetup(catalog, ConfiguredChain.build(valid.configuration(),
              new ConfiguredChain.Sources(() -> rbac, () -> node, compiler,
                  Backoff.DEFAULT)), true);
        } catch (IllegalArgumentException e) {
          throw new UsageException(authorizationConfig + ": " + e.getMessage());
        }
      }
    };
  }
}

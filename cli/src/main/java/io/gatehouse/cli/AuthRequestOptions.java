package io.gatehouse.cli;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code can-i} and {@code who-can} share: the request and the cluster. */
final class AuthRequestOptions {

  @Parameters(arity = "2..3", paramLabel = "VERB RESOURCE [NAME]",
      description = "The verb, a resource (pods, deployments.apps, TYPE/NAME) or a non-resource"
          + " URL starting with '/', and optionally the object name.")
  List<String> args = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "Namespace of the request (default: default, for namespaced resources).")
  @Nullable String namespace;

  @Option(names = "--subresource", paramLabel = "S", description = "The subresource, e.g. log or scale.")
  String subresource = "";

  @Option(names = "--cluster", paramLabel = "PATH", required = true,
      description = "Manifests of the cluster: RBAC objects, CRDs, pods and volumes (for the Node"
          + " authorizer). A file, a directory or '-' for stdin. Repeatable.")
  List<String> cluster = new ArrayList<>();

  @Option(names = "--authorization-config", paramLabel = "FILE",
      description = "AuthorizationConfiguration file (apiserver.config.k8s.io v1, v1beta1,"
          + " v1alpha1), as kube-apiserver's flag. Default chain: system:masters, then RBAC.")
  @Nullable String authorizationConfig;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
  String output = "text";

  /** Returns whether JSON output was asked for. */
  boolean json() {
    return switch (output) {
      case "text" -> false;
      case "json" -> true;
      default -> throw new UsageException(
          "invalid output format \"" + output + "\": must be text or json");
    };
  }
}

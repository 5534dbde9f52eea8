package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The bootstrap RBAC objects the server starts with ({@code bootstrap-policy.yaml}): {@code
 * cluster-admin} for {@code system:masters}, {@code system:discovery}, {@code system:basic-user},
 * {@code system:public-info-viewer}, {@code system:monitoring} and {@code
 * system:service-account-issuer-discovery}, with upstream's rules and
 * bindings. Stateless.
 */
final class BootstrapPolicy {

  private static final String RESOURCE = "bootstrap-policy.yaml";

  private BootstrapPolicy() {}

  /**
   * Returns the ClusterRoles and ClusterRoleBindings.
   *
   * @throws IllegalStateException if the resource is missing or malformed (a packaging bug)
   */
  static List<Unstructured> objects() {
    byte[] bytes;
    try (InputStream in = BootstrapPolicy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class path resource " + RESOURCE);
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
    ManifestDecoder.Result decoded = ManifestDecoder.decode(RESOURCE, bytes);
    if (!decoded.errors().isEmpty()) {
      throw new IllegalStateException("malformed " + RESOURCE + ": " + decoded.errors());
    }
    return decoded.manifests().stream().map(Manifest::object).toList();
  }
}

package io.gatehouse.server.openapi;

/** The OpenAPI extension names kube-apiserver publishes (wire strings). */
final class Extensions {

  static final String GVK = "x-kubernetes-group-version-kind";
  static final String ACTION = "x-kubernetes-action";
  static final String PRESERVE_UNKNOWN_FIELDS = "x-kubernetes-preserve-unknown-fields";

  private Extensions() {}
}

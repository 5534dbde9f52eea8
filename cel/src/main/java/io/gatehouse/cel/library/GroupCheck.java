package io.gatehouse.cel.library;

/**
 * A value of the CEL type {@code kubernetes.authorization.GroupCheck}: an API group whose resources
 * are to be checked. Immutable.
 *
 * @param authorizer the authorizer and principal
 * @param group the API group, {@code ""} for the core group
 */
public record GroupCheck(AuthorizerValue authorizer, String group) {

  /** Returns a check of {@code resource} in this group, cluster-scoped, without name. */
  public ResourceCheck resource(String resource) {
    return new ResourceCheck(authorizer, group, resource, "", "", "", "", "");
  }
}

package io.gatehouse.cel.library;

import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.Map;

/**
 * The value of the CEL variable {@code authorizer} (type {@code
 * kubernetes.authorization.Authorizer}): an authorizer and the principal whose permissions the
 * expression checks, as upstream's {@code library.NewAuthorizerVal}.
 *
 * <p>Callers bind it as {@code Activation.of(Map.of("authorizer", AuthorizerValue.of(authz, user),
 * "authorizer.requestResource", value.requestResource(attributes)))}; wrap the authorizer in a
 * {@link io.gatehouse.api.authz.CachingAuthorizer} per admission request, as ValidatingAdmissionPolicy
 * does. Immutable and thread-safe as far as the authorizer is.
 *
 * @param authorizer the authorizer the checks call
 * @param user the principal the checks ask about
 */
public record AuthorizerValue(Authorizer authorizer, UserInfo user) {

  /** Returns the value for {@code user} checked by {@code authorizer}. */
  public static AuthorizerValue of(Authorizer authorizer, UserInfo user) {
    return new AuthorizerValue(authorizer, user);
  }

  /**
   * Returns the value of {@code authorizer.requestResource}, as upstream's {@code
   * NewResourceAuthorizerVal}: a resource check for the resource of the request being admitted.
   *
   * @param group the API group ({@code ""} for core)
   * @param resource the resource (plural)
   * @param subresource the subresource, or {@code ""}
   * @param namespace the namespace, or {@code ""}
   * @param name the object name, or {@code ""}
   */
  public ResourceCheck requestResource(
      String group, String resource, String subresource, String namespace, String name) {
    return new ResourceCheck(this, group, resource, subresource, namespace, name, "", "");
  }

  /**
   * Returns the value of {@code authorizer.requestResource} for the resource named by {@code
   * attributes}' group, resource, subresource, namespace and name; the other attributes are
   * ignored.
   */
  public ResourceCheck requestResource(RequestAttributes attributes) {
    return requestResource(attributes.apiGroup(), attributes.resource(), attributes.subresource(),
        attributes.namespace(), attributes.name());
  }

  /** Returns a check of the non-resource {@code path}. */
  public PathCheck path(String path) {
    return new PathCheck(this, path);
  }

  /** Returns a check builder for resources of API {@code group}. */
  public GroupCheck group(String group) {
    return new GroupCheck(this, group);
  }

  /**
   * Returns the same authorizer asking about service account {@code namespace/name}: user {@code
   * system:serviceaccount:<namespace>:<name>} in groups {@code system:serviceaccounts} and {@code
   * system:serviceaccounts:<namespace>}, without uid or extra, as upstream's {@code
   * ServiceAccountInfo.UserInfo()}. The names are not validated here.
   */
  public AuthorizerValue serviceAccount(String namespace, String name) {
    UserInfo sa =
        new UserInfo(
            "system:serviceaccount:" + namespace + ":" + name,
            "",
            List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace),
            Map.of());
    return new AuthorizerValue(authorizer, sa);
  }
}

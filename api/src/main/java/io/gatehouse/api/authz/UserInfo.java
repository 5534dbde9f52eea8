package io.gatehouse.api.authz;

import java.util.List;
import java.util.Map;

/**
 * An authenticated identity, as upstream's {@code user.Info}.
 *
 * <p>Immutable: the lists and map are copied.
 *
 * @param name the user name, e.g. {@code system:serviceaccount:default:builder}
 * @param uid a unique id, or empty
 * @param groups the groups, in the order the authenticator gave them
 * @param extra additional attributes (e.g. {@code authentication.kubernetes.io/credential-id})
 */
public record UserInfo(
    String name, String uid, List<String> groups, Map<String, List<String>> extra) {

  /** Copies the collections. */
  public UserInfo {
    groups = List.copyOf(groups);
    extra = Map.copyOf(extra);
  }

  /** Returns a user with a name and groups, no uid and no extra. */
  public static UserInfo of(String name, String... groups) {
    return new UserInfo(name, "", List.of(groups), Map.of());
  }
}

package io.gatehouse.cli;

import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.Map;

/**
 * The identity kube-apiserver's impersonation filter builds from {@code --as}/{@code --as-group}
 * (kubectl's {@code Impersonate-User}/{@code Impersonate-Group}), as {@link
 * io.gatehouse.auth.authentication.Impersonation} builds it for {@code gatehouse server}: a
 * service-account user name without groups gets {@code system:serviceaccounts} and {@code
 * system:serviceaccounts:<ns>}; {@code system:authenticated} is added unless {@code
 * system:authenticated} or {@code system:unauthenticated} is among the groups ({@code
 * system:anonymous} gets {@code system:unauthenticated} instead). Stateless.
 */
final class Impersonation {

  private Impersonation() {}

  static UserInfo user(String name, List<String> asGroups) {
    var parsed = io.gatehouse.auth.authentication.Impersonation.parse(
        new io.gatehouse.auth.authentication.Impersonation.Requested(name, asGroups, Map.of(), ""));
    UserInfo user = io.gatehouse.auth.authentication.Impersonation.user(parsed.targets(),
        !asGroups.isEmpty());
    return new UserInfo(user.name(), "", user.groups(), Map.of());
  }
}

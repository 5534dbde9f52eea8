package io.gatehouse.cli;

import io.gatehouse.api.authz.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The identity kube-apiserver's impersonation filter builds from {@code --as}/{@code --as-group}
 * (kubectl's {@code Impersonate-User}/{@code Impersonate-Group}): a service-account user name
 * without groups gets {@code system:serviceaccounts} and {@code system:serviceaccounts:<ns>};
 * {@code system:authenticated} is added unless {@code system:authenticated} or {@code
 * system:unauthenticated} is among the groups ({@code system:anonymous} gets {@code
 * system:unauthenticated} instead). Stateless.
 */
final class Impersonation {

  private static final String SA_PREFIX = "system:serviceaccount:";

  private Impersonation() {}

  static UserInfo user(String name, List<String> asGroups) {
    List<String> groups = new ArrayList<>(asGroups);
    if (groups.isEmpty() && name.startsWith(SA_PREFIX)) {
      String[] parts = name.substring(SA_PREFIX.length()).split(":", -1);
      if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
        groups.add("system:serviceaccounts");
        groups.add("system:serviceaccounts:" + parts[0]);
      }
    }
    if (!name.equals("system:anonymous")) {
      if (!groups.contains("system:authenticated") && !groups.contains("system:unauthenticated")) {
        groups.add("system:authenticated");
      }
    } else if (!groups.contains("system:unauthenticated")) {
      groups.add("system:unauthenticated");
    }
    return new UserInfo(name, "", groups, Map.of());
  }
}

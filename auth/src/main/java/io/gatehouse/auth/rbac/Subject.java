package io.gatehouse.auth.rbac;

import io.gatehouse.api.authz.UserInfo;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A binding subject.
 *
 * @param kind {@code User}, {@code Group} or {@code ServiceAccount}
 * @param name the name
 * @param namespace the namespace (ServiceAccount only), possibly empty
 */
public record Subject(String kind, String name, String namespace) {

  static Subject fromJson(@Nullable Object json) {
    Map<?, ?> m = json instanceof Map<?, ?> map ? map : Map.of();
    return new Subject(str(m.get("kind")), str(m.get("name")), str(m.get("namespace")));
  }

  /** Upstream's {@code appliesToUser}; {@code bindingNamespace} is empty for cluster bindings. */
  boolean appliesTo(UserInfo user, String bindingNamespace) {
    return switch (kind) {
      case "User" -> user.name().equals(name);
      case "Group" -> user.groups().contains(name);
      case "ServiceAccount" -> {
        String ns = namespace.isEmpty() ? bindingNamespace : namespace;
        yield !ns.isEmpty() && user.name().equals("system:serviceaccount:" + ns + ":" + name);
      }
      default -> false;
    };
  }

  /** Upstream's {@code describeSubject}: {@code User "alice"}, {@code ServiceAccount "sa/ns"}. */
  String describe(String bindingNamespace) {
    if (kind.equals("ServiceAccount")) {
      return kind + " \"" + name + "/" + (namespace.isEmpty() ? bindingNamespace : namespace) + "\"";
    }
    return kind + " \"" + name + "\"";
  }

  private static String str(@Nullable Object o) {
    return o instanceof String s ? s : "";
  }
}

package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * rbac.authorization.k8s.io/v1 ({@code pkg/apis/rbac/v1/defaults.go}): a binding's {@code
 * roleRef.apiGroup} and the {@code apiGroup} of its User and Group subjects default to {@code
 * rbac.authorization.k8s.io}; ServiceAccount subjects keep the core group (an empty, omitted {@code apiGroup}). Stateless.
 */
final class RbacDefaults {

  private static final String GROUP = "rbac.authorization.k8s.io";

  private RbacDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    KindDefaulter binding = (o, f) -> binding(o);
    return Map.of(
        new GroupVersionKind(GROUP, "v1", "RoleBinding"), binding,
        new GroupVersionKind(GROUP, "v1", "ClusterRoleBinding"), binding);
  }

  private static void binding(Map<String, @Nullable Object> binding) {
    Map<String, @Nullable Object> roleRef = Fields.mapOrCreate(binding, "roleRef");
    if (roleRef != null) {
      Fields.setIfBlank(roleRef, "apiGroup", GROUP);
    }
    for (Map<String, @Nullable Object> subject : Fields.maps(binding, "subjects")) {
      String kind = Fields.string(subject, "kind");
      if (kind.equals("User") || kind.equals("Group")) {
        Fields.setIfBlank(subject, "apiGroup", GROUP);
      }
    }
  }
}

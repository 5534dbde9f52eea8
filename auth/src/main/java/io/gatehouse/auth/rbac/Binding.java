package io.gatehouse.auth.rbac;

import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A RoleBinding or ClusterRoleBinding.
 *
 * @param name the binding name
 * @param namespace the namespace; empty for a ClusterRoleBinding
 * @param roleKind {@code Role} or {@code ClusterRole}
 * @param roleName the referenced role
 * @param subjects the subjects, in order
 */
public record Binding(
    String name, String namespace, String roleKind, String roleName, List<Subject> subjects) {

  /** Copies the subjects. */
  public Binding {
    subjects = List.copyOf(subjects);
  }

  static Binding fromObject(Unstructured o) {
    Map<?, ?> ref = o.object().get("roleRef") instanceof Map<?, ?> m ? m : Map.of();
    Object subjects = o.object().get("subjects");
    return new Binding(
        o.name(),
        o.kind().equals("ClusterRoleBinding") ? "" : o.namespace(),
        str(ref.get("kind")),
        str(ref.get("name")),
        subjects instanceof List<?> l ? l.stream().map(Subject::fromJson).toList() : List.of());
  }

  /** Returns whether this is a ClusterRoleBinding. */
  public boolean clusterScoped() {
    return namespace.isEmpty();
  }

  /** Upstream's describer: {@code ClusterRoleBinding "n" of ClusterRole "r" to Group "g"}. */
  String describe(Subject subject) {
    return clusterScoped()
        ? "ClusterRoleBinding \"" + name + "\" of " + roleKind + " \"" + roleName + "\" to "
            + subject.describe("")
        : "RoleBinding \"" + name + "/" + namespace + "\" of " + roleKind + " \"" + roleName
            + "\" to " + subject.describe(namespace);
  }

  private static String str(@Nullable Object o) {
    return o instanceof String s ? s : "";
  }
}

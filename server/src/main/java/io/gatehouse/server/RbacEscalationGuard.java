package io.gatehouse.server;

import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.PrivilegedGroupAuthorizer;
import io.gatehouse.auth.rbac.Escalation;
import io.gatehouse.auth.rbac.PolicyRule;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's policy-based RBAC storage ({@code pkg/registry/rbac/*&#47;policybased}): writes of
 * Roles, ClusterRoles, RoleBindings and ClusterRoleBindings that would grant more than the writer
 * holds are refused, before the registry prepares and validates the object.
 *
 * <ul>
 *   <li>Members of {@code system:masters} are never checked.
 *   <li>Roles and ClusterRoles: allowed if the writer may {@code escalate} the role (the request's
 *       namespace and name; empty for creates); otherwise every rule must be covered by the
 *       writer's rules in the request namespace, and setting or keeping an {@code
 *       aggregationRule} needs every permission.
 *   <li>Bindings: allowed if the writer may {@code bind} the referenced role (the binding's
 *       namespace, empty for ClusterRoleBindings); otherwise the referenced role must exist (404)
 *       and its rules be covered.
 *   <li>An update that changes only finalizers, owner references or managed fields is allowed.
 * </ul>
 *
 * <p>The writer's rules are read from the store at the time of the write (the registry-backed
 * rule resolver upstream uses), not from the authorizer's snapshot. Thread-safe.
 */
final class RbacEscalationGuard implements WriteGuard {

  private static final String GROUP = "rbac.authorization.k8s.io";
  private static final String PREFIX = "/registry/" + GROUP + "/";

  private final KeyValueStore store;
  private final Authorizer authorizer;

  /**
   * @param authorizer the server's authorizer, for the {@code escalate} and {@code bind} checks
   */
  RbacEscalationGuard(KeyValueStore store, Authorizer authorizer) {
    this.store = store;
    this.authorizer = authorizer;
  }

  @Override
  public void check(UserInfo user, StoredResource r, String namespace, String requestName,
      Unstructured object, @Nullable Unstructured old) {
    if (!r.groupResource().group().equals(GROUP)
        || user.groups().contains(PrivilegedGroupAuthorizer.SYSTEM_MASTERS)) {
      return;
    }
    String resource = r.groupResource().resource();
    if (old != null && onlyGcFieldsChanged(object, old)) {
      return;
    }
    switch (resource) {
      case "roles", "clusterroles" -> checkRole(user, resource, namespace, requestName, object, old);
      case "rolebindings" -> checkBinding(user, resource, namespace, object);
      case "clusterrolebindings" -> checkBinding(user, resource, "", object);
      default -> { }
    }
  }

  private void checkRole(UserInfo user, String resource, String namespace, String requestName,
      Unstructured role, @Nullable Unstructured old) {
    RequestAttributes escalate = RequestAttributes.resource(user, "escalate", namespace, GROUP,
        "*", resource, "", requestName);
    if (authorizer.authorize(escalate).allowed()) {
      return;
    }
    RbacAuthorizer resolver = resolver();
    confirm(resolver, user, namespace, resource, role.name(),
        PolicyRule.listFromJson(role.object().get("rules")));
    if (resource.equals("clusterroles") && (aggregated(role) || (old != null && aggregated(old)))
        && Escalation.confirmNoEscalation(resolver, user, namespace, Escalation.FULL_AUTHORITY)
            .isPresent()) {
      throw ApiErrors.forbidden(r(resource), role.name(), Escalation.AGGREGATION_RULE_DENIED,
          List.of());
    }
  }

  private void checkBinding(UserInfo user, String resource, String namespace,
      Unstructured binding) {
    Map<?, ?> ref = binding.object().get("roleRef") instanceof Map<?, ?> m ? m : Map.of();
    String kind = str(ref.get("kind"));
    String roleName = str(ref.get("name"));
    String roleResource = switch (kind) {
      case "ClusterRole" -> "clusterroles";
      case "Role" -> "roles";
      default -> "";
    };
    if (!roleResource.isEmpty() && authorizer.authorize(RequestAttributes.resource(user, "bind",
        namespace, str(ref.get("apiGroup")), "*", roleResource, "", roleName)).allowed()) {
      return;
    }
    RbacAuthorizer resolver = resolver();
    Optional<List<PolicyRule>> rules = roleResource.isEmpty()
        ? Optional.empty() : resolver.roleRules(kind, roleName, namespace);
    if (rules.isEmpty()) {
      String error = RbacAuthorizer.roleReferenceError(kind, roleName);
      if (roleResource.isEmpty()) {
        throw new StatusException(new Status(error, StatusReason.UNKNOWN, null, 500));
      }
      throw ApiErrors.notFound(r(roleResource), roleName);
    }
    confirm(resolver, user, namespace, resource, binding.name(), rules.get());
  }

  private static void confirm(RbacAuthorizer resolver, UserInfo user, String namespace,
      String resource, String name, List<PolicyRule> rules) {
    Optional<String> denied = Escalation.confirmNoEscalation(resolver, user, namespace, rules);
    if (denied.isPresent()) {
      throw ApiErrors.forbidden(r(resource), name, denied.get(), List.of());
    }
  }

  /** The RBAC objects as stored now. */
  private RbacAuthorizer resolver() {
    List<Unstructured> objects = new ArrayList<>();
    if (store.list(PREFIX, ListOptions.latest()) instanceof ListResult.Page page) {
      for (KeyValue kv : page.items()) {
        objects.add(ObjectBytes.read(kv));
      }
    }
    return RbacAuthorizer.fromObjects(objects);
  }

  private static boolean aggregated(Unstructured role) {
    return role.object().get("aggregationRule") instanceof Map<?, ?> agg
        && agg.get("clusterRoleSelectors") instanceof List<?> selectors && !selectors.isEmpty();
  }

  /** Upstream's {@code IsOnlyMutatingGCFields}. */
  static boolean onlyGcFieldsChanged(Unstructured object, Unstructured old) {
    Unstructured copy = object.deepCopy();
    Map<String, @Nullable Object> meta = copy.metadataForWrite();
    for (String field : List.of("ownerReferences", "finalizers", "selfLink", "managedFields")) {
      Object value = old.metadata().get(field);
      if (value == null) {
        meta.remove(field);
      } else {
        meta.put(field, value);
      }
    }
    return Semantic.equal(copy.object(), old.object());
  }

  private static io.gatehouse.api.GroupResource r(String resource) {
    return new io.gatehouse.api.GroupResource(GROUP, resource);
  }

  private static String str(@Nullable Object o) {
    return o instanceof String s ? s : "";
  }
}

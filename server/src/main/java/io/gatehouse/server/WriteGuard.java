package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import org.jspecify.annotations.Nullable;

/**
 * A check a write must pass before the registry prepares and validates the object, as
 * upstream's storage wrappers run before the standard storage (RBAC's escalation prevention).
 * Implementations are thread-safe.
 */
@FunctionalInterface
interface WriteGuard {

  /** Checks nothing. */
  WriteGuard NONE = (user, resource, namespace, requestName, object, old) -> { };

  /**
   * Checks one create or update.
   *
   * @param user who writes (after impersonation)
   * @param resource the resource written
   * @param namespace the request namespace, empty for cluster-scoped resources
   * @param requestName the name in the URL: empty for creates
   * @param object the new object; must not be modified
   * @param old the stored object for updates, null for creates
   * @throws io.gatehouse.api.StatusException with the Status the client receives
   */
  void check(UserInfo user, StoredResource resource, String namespace, String requestName,
      Unstructured object, @Nullable Unstructured old);
}

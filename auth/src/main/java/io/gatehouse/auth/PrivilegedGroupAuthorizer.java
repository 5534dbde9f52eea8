package io.gatehouse.auth;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import java.util.Set;

/**
 * Allows every request of a member of a privileged group ({@code system:masters}), as upstream's
 * {@code authorizerfactory.NewPrivilegedGroups}; no opinion otherwise. Immutable; thread-safe.
 */
public final class PrivilegedGroupAuthorizer implements Authorizer {

  /** The group kube-apiserver treats as superuser. */
  public static final String SYSTEM_MASTERS = "system:masters";

  private final Set<String> groups;

  private PrivilegedGroupAuthorizer(Set<String> groups) {
    this.groups = Set.copyOf(groups);
  }

  /** Returns an authorizer for {@code groups}. */
  public static PrivilegedGroupAuthorizer of(String... groups) {
    return new PrivilegedGroupAuthorizer(Set.of(groups));
  }

  /** Returns the privileged groups. */
  public Set<String> groups() {
    return groups;
  }

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    for (String g : attributes.user().groups()) {
      if (groups.contains(g)) {
        return AuthorizationResult.of(Decision.ALLOW, "");
      }
    }
    return AuthorizationResult.of(Decision.NO_OPINION, "");
  }
}

package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.cel.KubernetesLibrary;

/**
 * The {@code kubernetes.authzSelectors} library (Kubernetes 1.31+, only while the {@code
 * AuthorizeWithSelectors} gate is on): {@code <ResourceCheck>.fieldSelector(string)} and {@code
 * <ResourceCheck>.labelSelector(string)}. Requires {@link AuthzLibrary}.
 *
 * <p>The selector text is kept as given and parsed at {@code check()} time, as upstream does: a
 * selector that parses adds its requirements to the check; one that does not adds none, and its
 * parse error travels in the request attributes ({@link
 * io.gatehouse.api.authz.RequestAttributes#fieldSelectorError()}, {@link
 * io.gatehouse.api.authz.RequestAttributes#labelSelectorError()}), where the built-in authorizers
 * ignore it. No CEL error is raised either way. Stateless singleton; thread-safe.
 */
public final class AuthzSelectorsLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final AuthzSelectorsLibrary INSTANCE = new AuthzSelectorsLibrary();

  private AuthzSelectorsLibrary() {}

  @Override
  public String name() {
    return "kubernetes.authzSelectors";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(
        CelFunctionDecl.newFunctionDeclaration(
            "fieldSelector",
            CelOverloadDecl.newMemberOverload(
                "authorizer_fieldselector",
                AuthzLibrary.RESOURCE_CHECK_TYPE,
                AuthzLibrary.RESOURCE_CHECK_TYPE,
                SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "labelSelector",
            CelOverloadDecl.newMemberOverload(
                "authorizer_labelselector",
                AuthzLibrary.RESOURCE_CHECK_TYPE,
                AuthzLibrary.RESOURCE_CHECK_TYPE,
                SimpleType.STRING)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("authorizer_fieldselector", ResourceCheck.class, String.class,
            ResourceCheck::withFieldSelector),
        CelFunctionBinding.from("authorizer_labelselector", ResourceCheck.class, String.class,
            ResourceCheck::withLabelSelector));
  }
}

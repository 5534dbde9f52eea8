package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.exceptions.CelInvalidArgumentException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.validation.NameValidation;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.KubernetesLibrary;
import java.util.List;

/**
 * The {@code kubernetes.authz} library (Kubernetes 1.27+): authorization checks from expressions
 * that have an {@code authorizer} variable ({@link AuthorizerValue}).
 *
 * <p>{@code authorizer.path(p)}, {@code authorizer.group(g)}, {@code authorizer.serviceAccount(ns,
 * name)}, {@code <GroupCheck>.resource(r)}, {@code <ResourceCheck>.subresource/namespace/name(s)},
 * {@code <PathCheck|ResourceCheck>.check(verb)} and {@code <Decision>.allowed()/reason()/errored()/
 * error()}; a Decision is an {@link AuthorizationResult}. Errors carry upstream's texts: {@code path
 * must not be empty}, {@code resource must not be empty} (blank after trimming Unicode space),
 * {@code Invalid service account name}, {@code Invalid service account namespace} (the name is
 * checked first). Stateless singleton; thread-safe.
 */
public final class AuthzLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final AuthzLibrary INSTANCE = new AuthzLibrary();

  /** The variable holding the {@link AuthorizerValue}. */
  public static final String AUTHORIZER_VARIABLE = "authorizer";

  /** The variable holding the {@link ResourceCheck} of the request being admitted. */
  public static final String REQUEST_RESOURCE_VARIABLE = "authorizer.requestResource";

  /** The CEL type {@code kubernetes.authorization.Authorizer}. */
  public static final CelType AUTHORIZER_TYPE =
      OpaqueType.create("kubernetes.authorization.Authorizer");

  /** The CEL type {@code kubernetes.authorization.PathCheck}. */
  public static final CelType PATH_CHECK_TYPE =
      OpaqueType.create("kubernetes.authorization.PathCheck");

  /** The CEL type {@code kubernetes.authorization.GroupCheck}. */
  public static final CelType GROUP_CHECK_TYPE =
      OpaqueType.create("kubernetes.authorization.GroupCheck");

  /** The CEL type {@code kubernetes.authorization.ResourceCheck}. */
  public static final CelType RESOURCE_CHECK_TYPE =
      OpaqueType.create("kubernetes.authorization.ResourceCheck");

  /** The CEL type {@code kubernetes.authorization.Decision}. */
  public static final CelType DECISION_TYPE =
      OpaqueType.create("kubernetes.authorization.Decision");

  private AuthzLibrary() {}

  @Override
  public String name() {
    return "kubernetes.authz";
  }

  /**
   * Declares {@code authorizer} and {@code authorizer.requestResource} on {@code builder}, as
   * ValidatingAdmissionPolicy does when the policy may use the authorizer; returns {@code builder}.
   */
  public static Environment.Builder declareVariables(Environment.Builder builder) {
    return builder
        .variable(AUTHORIZER_VARIABLE, AUTHORIZER_TYPE)
        .variable(REQUEST_RESOURCE_VARIABLE, RESOURCE_CHECK_TYPE);
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(
        member("path", "authorizer_path", PATH_CHECK_TYPE, AUTHORIZER_TYPE, SimpleType.STRING),
        member("group", "authorizer_group", GROUP_CHECK_TYPE, AUTHORIZER_TYPE, SimpleType.STRING),
        member("serviceAccount", "authorizer_serviceaccount", AUTHORIZER_TYPE,
            AUTHORIZER_TYPE, SimpleType.STRING, SimpleType.STRING),
        member("resource", "groupcheck_resource", RESOURCE_CHECK_TYPE,
            GROUP_CHECK_TYPE, SimpleType.STRING),
        member("subresource", "resourcecheck_subresource", RESOURCE_CHECK_TYPE,
            RESOURCE_CHECK_TYPE, SimpleType.STRING),
        member("namespace", "resourcecheck_namespace", RESOURCE_CHECK_TYPE,
            RESOURCE_CHECK_TYPE, SimpleType.STRING),
        member("name", "resourcecheck_name", RESOURCE_CHECK_TYPE,
            RESOURCE_CHECK_TYPE, SimpleType.STRING),
        CelFunctionDecl.newFunctionDeclaration(
            "check",
            CelOverloadDecl.newMemberOverload(
                "pathcheck_check", DECISION_TYPE, PATH_CHECK_TYPE, SimpleType.STRING),
            CelOverloadDecl.newMemberOverload(
                "resourcecheck_check", DECISION_TYPE, RESOURCE_CHECK_TYPE, SimpleType.STRING)),
        member("errored", "decision_errored", SimpleType.BOOL, DECISION_TYPE),
        member("error", "decision_error", SimpleType.STRING, DECISION_TYPE),
        member("allowed", "decision_allowed", SimpleType.BOOL, DECISION_TYPE),
        member("reason", "decision_reason", SimpleType.STRING, DECISION_TYPE));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("authorizer_path", AuthorizerValue.class, String.class,
            (a, path) -> a.path(requireNonBlank(path, "path must not be empty"))),
        CelFunctionBinding.from(
            "authorizer_group", AuthorizerValue.class, String.class, AuthorizerValue::group),
        CelFunctionBinding.from(
            "authorizer_serviceaccount",
            List.of(AuthorizerValue.class, String.class, String.class),
            args -> serviceAccount((AuthorizerValue) args[0], (String) args[1], (String) args[2])),
        CelFunctionBinding.from("groupcheck_resource", GroupCheck.class, String.class,
            (g, r) -> g.resource(requireNonBlank(r, "resource must not be empty"))),
        CelFunctionBinding.from("resourcecheck_subresource", ResourceCheck.class, String.class,
            ResourceCheck::withSubresource),
        CelFunctionBinding.from("resourcecheck_namespace", ResourceCheck.class, String.class,
            ResourceCheck::withNamespace),
        CelFunctionBinding.from(
            "resourcecheck_name", ResourceCheck.class, String.class, ResourceCheck::withName),
        CelFunctionBinding.from(
            "pathcheck_check", PathCheck.class, String.class, PathCheck::check),
        CelFunctionBinding.from(
            "resourcecheck_check", ResourceCheck.class, String.class, ResourceCheck::check),
        CelFunctionBinding.from(
            "decision_errored", AuthorizationResult.class, d -> !d.error().isEmpty()),
        CelFunctionBinding.from(
            "decision_error", AuthorizationResult.class, AuthorizationResult::error),
        CelFunctionBinding.from(
            "decision_allowed", AuthorizationResult.class, AuthorizationResult::allowed),
        CelFunctionBinding.from(
            "decision_reason", AuthorizationResult.class, AuthorizationResult::reason));
  }

  private static AuthorizerValue serviceAccount(AuthorizerValue a, String namespace, String name) {
    if (!NameValidation.isDns1123Subdomain(name).isEmpty()) {
      throw new CelInvalidArgumentException("Invalid service account name");
    }
    if (!NameValidation.isDns1123Label(namespace).isEmpty()) {
      throw new CelInvalidArgumentException("Invalid service account namespace");
    }
    return a.serviceAccount(namespace, name);
  }

  /** Fails with {@code message} if {@code value} is empty after Go's {@code strings.TrimSpace}. */
  private static String requireNonBlank(String value, String message) {
    if (value.codePoints().allMatch(AuthzLibrary::isGoSpace)) {
      throw new CelInvalidArgumentException(message);
    }
    return value;
  }

  /** Go's {@code unicode.IsSpace}. */
  private static boolean isGoSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f,
          0x3000 -> true;
      default -> cp >= 0x2000 && cp <= 0x200a;
    };
  }

  private static CelFunctionDecl member(
      String name, String id, CelType result, CelType... params) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newMemberOverload(id, result, params));
  }
}

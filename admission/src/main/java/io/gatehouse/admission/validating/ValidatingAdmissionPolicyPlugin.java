package io.gatehouse.admission.validating;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.api.GroupResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.KubernetesVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * kube-apiserver's {@code ValidatingAdmissionPolicy} admission plugin on plain values.
 *
 * <p>{@link #create} reads policies and bindings ({@code admissionregistration.k8s.io} v1, v1beta1,
 * v1alpha1; other objects are ignored), applies the API defaults, runs the API server's
 * create-time validation on each (see {@link #problems()}), and compiles every policy once.
 * {@link #validate} then admits requests with upstream's semantics, in a deterministic order:
 * policies by name, their bindings by name, params by namespace and name (upstream iterates maps).
 *
 * <p>Immutable and thread-safe.
 */
public final class ValidatingAdmissionPolicyPlugin {

  /**
   * Plugin options.
   *
   * @param serverVersion the Kubernetes version to behave as
   * @param strictCost whether Kubernetes' library costs are charged ({@code
   *     StrictCostEnforcementForVAP}), or null for the server version's default
   */
  public record Options(KubernetesVersion serverVersion, @Nullable Boolean strictCost) {

    /** The defaults: {@link KubernetesVersion#DEFAULT}, its strict-cost default. */
    public static final Options DEFAULT = new Options(KubernetesVersion.DEFAULT, null);

    /** Returns whether strict cost applies. */
    public boolean effectiveStrictCost() {
      return strictCost != null ? strictCost : Environment.strictCostDefault(serverVersion);
    }
  }

  private static final String GROUP = "admissionregistration.k8s.io";
  private static final Set<String> VERSIONS = Set.of("v1", "v1beta1", "v1alpha1");
  private static final Set<GroupResource> POLICY_RESOURCES =
      Set.of(new GroupResource(GROUP, "validatingadmissionpolicies"),
          new GroupResource(GROUP, "validatingadmissionpolicybindings"),
          new GroupResource(GROUP, "mutatingadmissionpolicies"),
          new GroupResource(GROUP, "mutatingadmissionpolicybindings"));
  private static final Set<GroupResource> REVIEW_RESOURCES =
      Set.of(new GroupResource("authentication.k8s.io", "selfsubjectreviews"),
          new GroupResource("authentication.k8s.io", "tokenreviews"),
          new GroupResource("authorization.k8s.io", "localsubjectaccessreviews"),
          new GroupResource("authorization.k8s.io", "selfsubjectaccessreviews"),
          new GroupResource("authorization.k8s.io", "selfsubjectrulesreviews"),
          new GroupResource("authorization.k8s.io", "subjectaccessreviews"));

  private final Options options;
  private final List<PolicyHook> hooks;
  private final List<ConfigurationProblem> problems;

  private ValidatingAdmissionPolicyPlugin(
      Options options, List<PolicyHook> hooks, List<ConfigurationProblem> problems) {
    this.options = options;
    this.hooks = List.copyOf(hooks);
    this.problems = List.copyOf(problems);
  }

  /**
   * Reads, validates and compiles {@code policiesAndBindings}. A later object with the same kind
   * and name replaces an earlier one. Never throws for invalid objects: see {@link #problems()}.
   */
  public static ValidatingAdmissionPolicyPlugin create(
      List<Unstructured> policiesAndBindings, Options options) {
    Map<String, Policy> policies = new TreeMap<>();
    Map<String, Binding> bindings = new TreeMap<>();
    List<ConfigurationProblem> problems = new ArrayList<>();
    boolean strictCost = options.effectiveStrictCost();
    for (Unstructured object : policiesAndBindings) {
      String apiVersion = object.apiVersion();
      if (!apiVersion.startsWith(GROUP + "/")
          || !VERSIONS.contains(apiVersion.substring(GROUP.length() + 1))) {
        continue;
      }
      switch (object.kind()) {
        case "ValidatingAdmissionPolicy" -> {
          Policy p = Policy.fromJson(Defaults.policy(object));
          policies.put(p.name(), p);
          problem("ValidatingAdmissionPolicy", p.name(),
              PolicyApiValidation.validate(p, options.serverVersion(), strictCost), problems);
        }
        case "ValidatingAdmissionPolicyBinding" -> {
          Binding b = Binding.fromJson(Defaults.binding(object));
          bindings.put(b.name(), b);
          problem("ValidatingAdmissionPolicyBinding", b.name(),
              BindingApiValidation.validate(b, options.serverVersion()), problems);
        }
        default -> {}
      }
    }
    List<PolicyHook> hooks = new ArrayList<>();
    for (Policy p : policies.values()) {
      List<Binding> bound =
          bindings.values().stream().filter(b -> b.policyName().equals(p.name()))
              .sorted(Comparator.comparing(Binding::name)).toList();
      if (!bound.isEmpty()) {
        hooks.add(new PolicyHook(
            new CompiledPolicy(p, options.serverVersion(), strictCost), bound));
      }
    }
    return new ValidatingAdmissionPolicyPlugin(options, hooks, problems);
  }

  private static void problem(
      String kind, String name, List<FieldError> errors, List<ConfigurationProblem> out) {
    if (!errors.isEmpty()) {
      out.add(new ConfigurationProblem(kind, name, errors));
    }
  }

  /** Returns the options. */
  public Options options() {
    return options;
  }

  /** Returns the objects the API server would refuse to create, in input order. */
  public List<ConfigurationProblem> problems() {
    return problems;
  }

  /**
   * Admits one request. Policies without bindings never run; bindings to missing policies are
   * ignored; requests on the policy resources themselves (and, from 1.30, on the review APIs) are
   * not intercepted.
   *
   * @param authorizer the authorizer behind CEL's {@code authorizer} variable; its decisions are
   *     cached for the duration of this request
   */
  public AdmissionResult validate(
      AdmissionAttributes attributes, ClusterState cluster, Authorizer authorizer) {
    Objects.requireNonNull(authorizer, "authorizer");
    GroupResource gr = attributes.resource().groupResource();
    if (POLICY_RESOURCES.contains(gr)
        || (REVIEW_RESOURCES.contains(gr)
            && options.serverVersion().atLeast(KubernetesVersion.of(1, 30)))) {
      return AdmissionResult.ALLOWED;
    }
    Outcome outcome = new Outcome();
    Dispatcher.dispatch(hooks, new RequestContext(attributes, cluster, authorizer), outcome);
    return outcome.result(attributes);
  }
}

package io.gatehouse.cli;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.Denial;
import io.gatehouse.admission.Evaluation;
import io.gatehouse.admission.Warning;
import io.gatehouse.admission.podsecurity.Evaluator;
import io.gatehouse.admission.podsecurity.LevelVersion;
import io.gatehouse.admission.podsecurity.PodSecurityAdmission;
import io.gatehouse.admission.podsecurity.PodSecurityConfiguration;
import io.gatehouse.admission.podsecurity.Version;
import io.gatehouse.admission.validating.ConfigurationProblem;
import io.gatehouse.admission.validating.ValidatingAdmissionPolicyPlugin;
import io.gatehouse.api.Status;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.api.catalog.Scope;
import io.gatehouse.auth.PrivilegedGroupAuthorizer;
import io.gatehouse.auth.UnionAuthorizer;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.cel.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The admission chain {@code admit} runs, in kube-apiserver's plugin order: PodSecurity, then
 * ValidatingAdmissionPolicy. Unlike kube-apiserver, which stops at the first plugin that denies,
 * every plugin runs and every denial is kept; the reported Status is the first plugin's, as upstream
 * returns it.
 *
 * <p>Built once per run from the inputs: the resource catalog (built-in plus every CRD given), the
 * cluster state from {@code --cluster}, and the authorizer kube-apiserver would use (privileged
 * groups, then RBAC from the given RBAC objects).
 */
final class AdmissionEngine {

  private final PodSecurityAdmission podSecurity;
  private final ValidatingAdmissionPolicyPlugin vap;
  private final ClusterState cluster;
  private final Authorizer authorizer;
  private final ResourceResolver resolver;

  private AdmissionEngine(
      PodSecurityAdmission podSecurity,
      ValidatingAdmissionPolicyPlugin vap,
      ClusterState cluster,
      Authorizer authorizer,
      ResourceResolver resolver) {
    this.podSecurity = podSecurity;
    this.vap = vap;
    this.cluster = cluster;
    this.authorizer = authorizer;
    this.resolver = resolver;
  }

  /**
   * Builds the chain.
   *
   * @param forcedPodSecurity when set ({@code --pod-security}), every namespace is treated as
   *     labelled enforce/audit/warn at this level and version
   * @param emulatePodSecurityVersion whether Pod Security emulates a server of {@code version}
   *     ({@code latest} = that version); otherwise it knows every version up to the newest
   */
  static AdmissionEngine create(
      Inputs inputs,
      KubernetesVersion version,
      PodSecurityConfiguration podSecurityConfiguration,
      @Nullable LevelVersion forcedPodSecurity,
      boolean emulatePodSecurityVersion) {
    ResourceCatalog catalog =
        ResourceCatalog.builtin().withCustomResourceDefinitions(inputs.customResourceDefinitions());
    ManifestClusterState cluster = new ManifestClusterState(inputs.clusterObjects(), catalog);
    Authorizer authorizer =
        UnionAuthorizer.of(
            List.of(
                PrivilegedGroupAuthorizer.of(PrivilegedGroupAuthorizer.SYSTEM_MASTERS),
                RbacAuthorizer.fromObjects(inputs.clusterObjects())));
    ValidatingAdmissionPolicyPlugin vap =
        ValidatingAdmissionPolicyPlugin.create(
            inputs.policyObjects(), new ValidatingAdmissionPolicyPlugin.Options(version, null));
    ClusterState podSecurityView =
        forcedPodSecurity == null ? cluster : new ForcedPodSecurity(cluster, forcedPodSecurity);
    Evaluator evaluator =
        emulatePodSecurityVersion
            ? Evaluator.builder().emulationVersion(Version.of(version.minor())).build()
            : Evaluator.create();
    PodSecurityAdmission podSecurity =
        PodSecurityAdmission.create(podSecurityConfiguration, evaluator, podSecurityView);
    ResourceResolver resolver = gvk -> catalog.resourceFor(gvk).map(AdmissionEngine::resolved);
    return new AdmissionEngine(podSecurity, vap, cluster, authorizer, resolver);
  }

  private static ResourceResolver.Resolved resolved(ApiResource r) {
    return new ResourceResolver.Resolved(r.groupVersionResource(), r.scope() == Scope.NAMESPACED);
  }

  ResourceResolver resolver() {
    return resolver;
  }

  /** Runs every plugin and merges their results. */
  AdmissionResult admit(AdmissionAttributes attributes) {
    return merge(
        List.of(
            podSecurity.admit(attributes), vap.validate(attributes, cluster, authorizer)));
  }

  static AdmissionResult merge(List<AdmissionResult> results) {
    List<Denial> denials = new ArrayList<>();
    LinkedHashSet<Warning> warnings = new LinkedHashSet<>();
    Map<String, String> audit = new LinkedHashMap<>();
    List<Evaluation> evaluations = new ArrayList<>();
    Status status = null;
    for (AdmissionResult r : results) {
      denials.addAll(r.denials());
      warnings.addAll(r.warnings());
      r.auditAnnotations().forEach(audit::putIfAbsent);
      evaluations.addAll(r.evaluations());
      if (status == null) {
        status = r.status();
      }
    }
    return new AdmissionResult(denials, List.copyOf(warnings), audit, status, evaluations);
  }

  /** What kube-apiserver would reject the given policies and bindings for. */
  List<String> policyProblems() {
    return vap.problems().stream().map(ConfigurationProblem::message).toList();
  }
}

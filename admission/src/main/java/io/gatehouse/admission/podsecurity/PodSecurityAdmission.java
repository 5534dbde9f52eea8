package io.gatehouse.admission.podsecurity;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupResource;
import io.gatehouse.api.Unstructured;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@code PodSecurity} admission plugin: upstream's {@code pod-security-admission} {@code
 * Admission} behind kube-apiserver's plugin, on plain values.
 *
 * <ul>
 *   <li>Only CREATE and UPDATE are handled; other operations and other resources are allowed.
 *   <li>Pods are checked against their namespace's enforce, audit and warn policies (from its
 *       {@code pod-security.kubernetes.io/*} labels over the configured defaults). An enforce
 *       violation denies with 403 {@code pods "x" is forbidden: violates PodSecurity
 *       "restricted:latest": …}; audit violations become the audit annotation {@code
 *       pod-security.kubernetes.io/audit-violations}; warn violations a warning {@code would
 *       violate PodSecurity …} (only when not denied). Subresources {@code exec}, {@code attach},
 *       {@code binding}, {@code eviction}, {@code log}, {@code portforward}, {@code proxy} and
 *       {@code status} are ignored, as are updates that change no image, container count or seccomp
 *       annotation.
 *   <li>Pod templates of PodTemplates, ReplicationControllers, ReplicaSets, Deployments,
 *       StatefulSets, DaemonSets, Jobs and CronJobs are only audited and warned about, never
 *       denied; subresources are ignored.
 *   <li>Namespaces: invalid labels are rejected on create, and on update when they change (422).
 *       Tightening the enforce policy returns warnings naming existing pods that would violate it
 *       (read from {@link ClusterState}); a non-privileged policy on an exempt namespace returns a
 *       warning that it will be ignored.
 *   <li>Exempt users, namespaces and runtime classes are allowed with the audit annotation {@code
 *       pod-security.kubernetes.io/exempt}.
 * </ul>
 *
 * <p>Results: one {@link io.gatehouse.admission.Denial} per failed check (its {@code check} is the
 * check id, its message {@code violates PodSecurity "…": <reason> (<detail>)}); the {@link
 * io.gatehouse.api.Status} carries upstream's combined message; warnings are upstream's exact
 * strings (the {@code check} of a pod warning lists the failed check ids, comma-separated); one
 * {@link io.gatehouse.admission.Evaluation} per mode evaluated (policy {@code <level>:<version>},
 * binding the mode).
 *
 * <p>Thread-safe if the {@link ClusterState} is. Never throws for malformed objects: they get
 * upstream's error responses.
 */
public final class PodSecurityAdmission {

  static final GroupResource PODS = new GroupResource("", "pods");
  static final GroupResource NAMESPACES = new GroupResource("", "namespaces");
  private static final Set<String> IGNORED_POD_SUBRESOURCES =
      Set.of("exec", "attach", "binding", "eviction", "log", "portforward", "proxy", "status");

  private final PodSecurityConfiguration configuration;
  private final Policy defaultPolicy;
  private final Evaluator evaluator;
  private final ClusterState cluster;
  private final NamespaceAdmission namespaces;

  private PodSecurityAdmission(
      PodSecurityConfiguration configuration,
      Evaluator evaluator,
      ClusterState cluster,
      int maxPodsToCheck,
      long podCheckTimeoutNanos,
      LongSupplier nanoTime) {
    configuration
        .initializationError()
        .ifPresent(
            e -> {
              throw new IllegalArgumentException(e);
            });
    this.configuration = configuration;
    this.defaultPolicy = configuration.defaultPolicy();
    this.evaluator = evaluator;
    this.cluster = cluster;
    this.namespaces = new NamespaceAdmission(this, maxPodsToCheck, podCheckTimeoutNanos, nanoTime);
  }

  /**
   * Returns the plugin.
   *
   * @param configuration a configuration without {@link
   *     PodSecurityConfiguration#initializationError() initialization error}
   * @param evaluator the checks to run, e.g. {@link Evaluator#create()}
   * @param cluster where namespaces (for their labels) and existing pods (for namespace updates)
   *     are read
   * @throws IllegalArgumentException if the configuration has an initialization error
   */
  public static PodSecurityAdmission create(
      PodSecurityConfiguration configuration, Evaluator evaluator, ClusterState cluster) {
    return new PodSecurityAdmission(
        configuration, evaluator, cluster, 3000, 1_000_000_000L, System::nanoTime);
  }

  /** As {@link #create}, with upstream's namespace dry-run limits replaced (for tests). */
  static PodSecurityAdmission create(
      PodSecurityConfiguration configuration,
      Evaluator evaluator,
      ClusterState cluster,
      int maxPodsToCheck,
      long podCheckTimeoutNanos,
      LongSupplier nanoTime) {
    return new PodSecurityAdmission(
        configuration, evaluator, cluster, maxPodsToCheck, podCheckTimeoutNanos, nanoTime);
  }

  /** Admits one request. */
  public AdmissionResult admit(AdmissionAttributes attrs) {
    if (attrs.operation() != Operation.CREATE && attrs.operation() != Operation.UPDATE) {
      return AdmissionResult.ALLOWED;
    }
    GroupResource resource = attrs.resource().groupResource();
    if (resource.equals(NAMESPACES)) {
      return namespaces.validate(attrs);
    }
    if (resource.equals(PODS)) {
      return validatePod(attrs);
    }
    Optional<PodTemplates> templates = PodTemplates.ofResource(resource);
    return templates.isPresent()
        ? validatePodController(attrs, templates.get())
        : AdmissionResult.ALLOWED;
  }

  private AdmissionResult validatePod(AdmissionAttributes attrs) {
    if (IGNORED_POD_SUBRESOURCES.contains(attrs.subresource())) {
      return AdmissionResult.ALLOWED;
    }
    if (exemptNamespace(attrs.namespace())) {
      return Response.exempt("namespace");
    }
    if (exemptUser(attrs.userInfo().name())) {
      return Response.exempt("user");
    }
    Optional<Unstructured> namespace = cluster.namespace(attrs.namespace());
    if (namespace.isEmpty()) {
      String message = "failed to lookup namespace " + GoText.quote(attrs.namespace());
      return new Response()
          .error(Response.internalError(message), notFound(attrs.namespace()))
          .toResult();
    }
    NamespacePolicy nsPolicy = NamespacePolicy.fromLabels(namespace.get().labels(), defaultPolicy);
    if (nsPolicy.errors().isEmpty() && nsPolicy.policy().fullyPrivileged()) {
      return new Response()
          .annotate(
              PodSecurityKeys.ENFORCE_POLICY_ANNOTATION, LevelVersion.PRIVILEGED_LATEST.toString())
          .toResult();
    }
    Unstructured pod = attrs.object();
    if (!isKind(pod, "Pod")) {
      return new Response().error(Response.badRequest("failed to decode pod"), null).toResult();
    }
    if (attrs.operation() == Operation.UPDATE) {
      Unstructured oldPod = attrs.oldObject();
      if (!isKind(oldPod, "Pod")) {
        return new Response()
            .error(Response.badRequest("failed to decode old pod"), null)
            .toResult();
      }
      if (!PodUpdates.significant(pod.object(), oldPod.object())) {
        return AdmissionResult.ALLOWED;
      }
    }
    PodView view = PodView.of(pod.metadata(), specOf(pod.object()), true);
    String name = attrs.name().isEmpty() ? pod.name() : attrs.name();
    return evaluate(nsPolicy, view, PODS, name, true, "");
  }

  private AdmissionResult validatePodController(AdmissionAttributes attrs, PodTemplates templates) {
    if (!attrs.subresource().isEmpty()) {
      return AdmissionResult.ALLOWED;
    }
    if (exemptNamespace(attrs.namespace())) {
      return Response.exempt("namespace");
    }
    if (exemptUser(attrs.userInfo().name())) {
      return Response.exempt("user");
    }
    Optional<Unstructured> namespace = cluster.namespace(attrs.namespace());
    if (namespace.isEmpty()) {
      return new Response()
          .annotate(
              PodSecurityKeys.ERROR_ANNOTATION,
              "failed to lookup namespace "
                  + GoText.quote(attrs.namespace())
                  + ": "
                  + notFound(attrs.namespace()))
          .toResult();
    }
    NamespacePolicy nsPolicy = NamespacePolicy.fromLabels(namespace.get().labels(), defaultPolicy);
    Policy p = nsPolicy.policy();
    if (nsPolicy.errors().isEmpty()
        && p.warn().level() == Level.PRIVILEGED
        && p.audit().level() == Level.PRIVILEGED) {
      return AdmissionResult.ALLOWED;
    }
    Unstructured object = attrs.object();
    if (object == null) {
      return AdmissionResult.ALLOWED;
    }
    if (!isKind(object, templates.kind())) {
      return new Response()
          .annotate(
              PodSecurityKeys.ERROR_ANNOTATION,
              "failed to extract pod template: unexpected object type: "
                  + object.groupVersionKind())
          .toResult();
    }
    Optional<PodTemplates.Found> found = templates.extract(object);
    if (found.isEmpty()) {
      return AdmissionResult.ALLOWED;
    }
    PodView view = PodView.of(found.get().metadata(), found.get().spec(), false);
    return evaluate(
        nsPolicy, view, attrs.resource().groupResource(), attrs.name(), false,
        found.get().fieldPrefix());
  }

  /**
   * Upstream's {@code EvaluatePod}: enforce (pods only), then audit, then warn. {@code fieldPrefix}
   * locates the pod inside the object (e.g. {@code spec.template.}) for reported field paths.
   */
  AdmissionResult evaluate(
      NamespacePolicy nsPolicy,
      PodView pod,
      GroupResource resource,
      String name,
      boolean enforce,
      String fieldPrefix) {
    if (exemptRuntimeClass(pod.runtimeClassName())) {
      return Response.exempt("runtimeClass");
    }
    Response response = new Response();
    if (!nsPolicy.errors().isEmpty()) {
      response.annotate(
          PodSecurityKeys.ERROR_ANNOTATION,
          "Failed to parse policy: " + Aggregates.ofFieldErrors(nsPolicy.errors()));
    }
    Policy policy = nsPolicy.policy();
    Map<LevelVersion, PolicyEvaluation> cache = new HashMap<>(4);
    if (enforce) {
      response.annotate(PodSecurityKeys.ENFORCE_POLICY_ANNOTATION, policy.enforce().toString());
      PolicyEvaluation result = evaluator.evaluate(policy.enforce(), pod);
      response.evaluated(policy.enforce(), "enforce");
      if (!result.allowed()) {
        response.forbidden(resource, name, result, fieldPrefix);
      }
      cache.put(policy.enforce(), result);
    }
    PolicyEvaluation audit = cache.get(policy.audit());
    if (audit == null) {
      audit = evaluator.evaluate(policy.audit(), pod);
      cache.put(policy.audit(), audit);
    }
    response.evaluated(policy.audit(), "audit");
    if (!audit.allowed()) {
      response.annotate(PodSecurityKeys.AUDIT_VIOLATIONS_ANNOTATION, audit.warningMessage());
    }
    if (response.allowed()) {
      PolicyEvaluation warn = cache.get(policy.warn());
      if (warn == null) {
        warn = evaluator.evaluate(policy.warn(), pod);
      }
      response.evaluated(policy.warn(), "warn");
      if (!warn.allowed()) {
        response.warn(
            warn.warningMessage(),
            String.join(",", warn.violations().stream().map(Violation::check).toList()),
            warn.violations().stream()
                .flatMap(v -> v.withFieldPrefix(fieldPrefix).fields().stream())
                .distinct()
                .toList());
      }
    }
    return response.toResult();
  }

  Policy defaultPolicy() {
    return defaultPolicy;
  }

  Evaluator evaluator() {
    return evaluator;
  }

  ClusterState cluster() {
    return cluster;
  }

  boolean exemptNamespace(String namespace) {
    return !namespace.isEmpty() && configuration.exemptions().namespaces().contains(namespace);
  }

  boolean exemptRuntimeClass(@Nullable String runtimeClass) {
    return runtimeClass != null
        && !runtimeClass.isEmpty()
        && configuration.exemptions().runtimeClasses().contains(runtimeClass);
  }

  private boolean exemptUser(String user) {
    return !user.isEmpty() && configuration.exemptions().usernames().contains(user);
  }

  static boolean isKind(@Nullable Unstructured object, String kind) {
    return object != null && (object.kind().isEmpty() || object.kind().equals(kind));
  }

  static Map<?, ?> specOf(Map<String, ?> object) {
    return object.get("spec") instanceof Map<?, ?> m ? m : Map.of();
  }

  private static String notFound(String namespace) {
    return "namespaces " + GoText.quote(namespace) + " not found";
  }
}

package io.gatehouse.admission.podsecurity;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code ValidateNamespace}: label validation on namespace create and update, the dry
 * run of a tightened enforce policy against the namespace's existing pods, and the warning for
 * labels on an exempt namespace. Thread-safe if the plugin's cluster state is.
 */
final class NamespaceAdmission {

  private static final GroupVersionKind POD = new GroupVersionKind("", "v1", "Pod");

  private final PodSecurityAdmission plugin;
  private final int maxPodsToCheck;
  private final long timeoutNanos;
  private final LongSupplier nanoTime;

  NamespaceAdmission(
      PodSecurityAdmission plugin, int maxPodsToCheck, long timeoutNanos, LongSupplier nanoTime) {
    this.plugin = plugin;
    this.maxPodsToCheck = maxPodsToCheck;
    this.timeoutNanos = timeoutNanos;
    this.nanoTime = nanoTime;
  }

  AdmissionResult validate(AdmissionAttributes attrs) {
    if (!attrs.subresource().isEmpty()) {
      return AdmissionResult.ALLOWED;
    }
    Unstructured namespace = attrs.object();
    if (!PodSecurityAdmission.isKind(namespace, "Namespace")) {
      return new Response()
          .error(Response.badRequest("failed to decode namespace"), null)
          .toResult();
    }
    // kube-apiserver gives a namespace request the namespace's own name as its namespace
    String name = attrs.namespace().isEmpty() ? namespace.name() : attrs.namespace();
    NamespacePolicy newPolicy =
        NamespacePolicy.fromLabels(namespace.labels(), plugin.defaultPolicy());
    if (attrs.operation() == Operation.CREATE) {
      if (!newPolicy.errors().isEmpty()) {
        return invalid(attrs, newPolicy.errors());
      }
      return plugin.exemptNamespace(name)
          ? exemptWarning(name, newPolicy.policy(), namespace.labels())
          : AdmissionResult.ALLOWED;
    }
    Unstructured old = attrs.oldObject();
    if (!PodSecurityAdmission.isKind(old, "Namespace")) {
      return new Response()
          .error(Response.badRequest("failed to decode  old namespace"), null)
          .toResult();
    }
    NamespacePolicy oldPolicy = NamespacePolicy.fromLabels(old.labels(), plugin.defaultPolicy());
    if (!newPolicy.errors().isEmpty()
        && (oldPolicy.errors().isEmpty() || !newPolicy.errors().equals(oldPolicy.errors()))) {
      return invalid(attrs, newPolicy.errors());
    }
    LevelVersion newEnforce = newPolicy.policy().enforce();
    LevelVersion oldEnforce = oldPolicy.policy().enforce();
    if (newEnforce.equals(oldEnforce)
        || newEnforce.level() == Level.PRIVILEGED
        || (newEnforce.version().equals(oldEnforce.version())
            && newEnforce.level().compareTo(oldEnforce.level()) < 1)) {
      return AdmissionResult.ALLOWED;
    }
    if (plugin.exemptNamespace(name)) {
      return exemptWarning(name, newPolicy.policy(), namespace.labels());
    }
    Response response = new Response().evaluated(newEnforce, "namespace");
    for (String warning : evaluatePodsInNamespace(namespace.name(), newEnforce)) {
      response.warn(warning, "");
    }
    return response.toResult();
  }

  private AdmissionResult invalid(AdmissionAttributes attrs, List<FieldError> errors) {
    GroupVersionKind kind = attrs.kind();
    String groupKind = kind.group().isEmpty() ? kind.kind() : kind.kind() + "." + kind.group();
    return new Response()
        .invalid(groupKind, kind.group(), kind.kind(), attrs.name(), errors)
        .toResult();
  }

  /** Upstream's {@code exemptNamespaceWarning}: only explicitly labelled, non-privileged modes. */
  private AdmissionResult exemptWarning(String name, Policy policy, Map<String, String> labels) {
    if (policy.fullyPrivileged() || policy.equivalent(plugin.defaultPolicy())) {
      return AdmissionResult.ALLOWED;
    }
    List<String> modes = new ArrayList<>(3);
    mode(
        modes,
        "enforce",
        policy.enforce(),
        labels,
        PodSecurityKeys.ENFORCE_LEVEL,
        PodSecurityKeys.ENFORCE_VERSION);
    mode(
        modes,
        "audit",
        policy.audit(),
        labels,
        PodSecurityKeys.AUDIT_LEVEL,
        PodSecurityKeys.AUDIT_VERSION);
    mode(
        modes,
        "warn",
        policy.warn(),
        labels,
        PodSecurityKeys.WARN_LEVEL,
        PodSecurityKeys.WARN_VERSION);
    return new Response()
        .warn(
            "namespace "
                + GoText.quote(name)
                + " is exempt from Pod Security, and the policy ("
                + String.join(", ", modes)
                + ") will be ignored",
            "")
        .toResult();
  }

  private static void mode(
      List<String> modes,
      String mode,
      LevelVersion lv,
      Map<String, String> labels,
      String levelKey,
      String versionKey) {
    if (lv.level() != Level.PRIVILEGED
        && (labels.containsKey(levelKey) || labels.containsKey(versionKey))) {
      modes.add(mode + "=" + lv);
    }
  }

  /** Upstream's {@code EvaluatePodsInNamespace}: which existing pods the new level would deny. */
  List<String> evaluatePodsInNamespace(String namespace, LevelVersion enforce) {
    long deadline = nanoTime.getAsLong() + timeoutNanos;
    List<Unstructured> pods = prioritize(plugin.cluster().list(POD, namespace, false));
    int total = pods.size();
    if (pods.size() > maxPodsToCheck) {
      pods = pods.subList(0, maxPodsToCheck);
    }
    List<String> podWarnings = new ArrayList<>();
    Map<String, String> firstPod = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    int checked = pods.size();
    for (int i = 0; i < pods.size(); i++) {
      Unstructured pod = pods.get(i);
      PolicyEvaluation r =
          plugin
              .evaluator()
              .evaluate(
                  enforce,
                  PodView.of(pod.metadata(), PodSecurityAdmission.specOf(pod.object()), true));
      if (!r.allowed()) {
        String warning = r.forbiddenReason();
        String first = firstPod.get(warning);
        if (first == null) {
          firstPod.put(warning, pod.name());
          podWarnings.add(warning);
        } else if (GoText.compare(pod.name(), first) < 0) {
          firstPod.put(warning, pod.name());
        }
        counts.merge(warning, 1, Integer::sum);
      }
      if (nanoTime.getAsLong() - deadline >= 0) {
        checked = i + 1;
        break;
      }
    }
    List<String> warnings = new ArrayList<>();
    if (checked < total) {
      warnings.add(
          "new PodSecurity enforce level only checked against the first "
              + checked
              + " of "
              + total
              + " existing pods");
    }
    if (!podWarnings.isEmpty()) {
      warnings.add(
          "existing pods in namespace "
              + GoText.quote(namespace)
              + " violate the new PodSecurity enforce level "
              + GoText.quote(enforce.toString()));
    }
    List<String> decorated = new ArrayList<>(podWarnings.size());
    for (String warning : podWarnings) {
      int count = counts.get(warning);
      String pod = firstPod.get(warning);
      decorated.add(
          switch (count) {
            case 1 -> pod + ": " + warning;
            case 2 -> pod + " (and 1 other pod): " + warning;
            default -> pod + " (and " + (count - 1) + " other pods): " + warning;
          });
    }
    decorated.sort(GoText.BYTE_ORDER);
    warnings.addAll(decorated);
    return warnings;
  }

  /**
   * Upstream's {@code prioritizePods}: drops pods of exempt runtime classes, and puts one pod per
   * controller (and every pod without one) before the other replicas.
   */
  private List<Unstructured> prioritize(List<Unstructured> pods) {
    List<Unstructured> prioritized = new ArrayList<>(pods.size());
    List<Unstructured> duplicates = new ArrayList<>();
    Set<String> controllers = new HashSet<>();
    for (Unstructured pod : pods) {
      if (plugin.exemptRuntimeClass(
          Values.string(PodSecurityAdmission.specOf(pod.object()), "runtimeClassName"))) {
        continue;
      }
      String controller = controllerUid(pod);
      if (controller == null) {
        prioritized.add(pod);
      } else if (controllers.add(controller)) {
        prioritized.add(pod);
      } else {
        duplicates.add(pod);
      }
    }
    prioritized.addAll(duplicates);
    return prioritized;
  }

  /** Returns the uid of the pod's controller owner reference, or null (GetControllerOf). */
  private static @Nullable String controllerUid(Unstructured pod) {
    for (Object ref : Values.list(pod.metadata(), "ownerReferences")) {
      if (ref instanceof Map<?, ?> r && Values.isTrue(r, "controller")) {
        return Values.stringOrEmpty(r, "uid");
      }
    }
    return null;
  }
}

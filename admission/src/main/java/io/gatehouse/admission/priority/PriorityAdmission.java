package io.gatehouse.admission.priority;

import static io.gatehouse.admission.ObjectFields.child;
import static io.gatehouse.admission.ObjectFields.str;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionErrors;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.MutatingAdmission;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.ValidatingAdmission;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Priority} admission plugin, as upstream's {@code priority.Plugin} (1.33). On pod
 * creation it resolves {@code spec.priorityClassName} to {@code spec.priority} and {@code
 * spec.preemptionPolicy}; a pod without a class gets the global default class (the lowest value
 * among classes with {@code globalDefault: true}) and its name, or priority 0 and {@code
 * PreemptLowerPriority}. An unknown class, or a priority or preemption policy in the pod that
 * differs from the class's, is refused (403). Pod updates keep the stored priority and preemption
 * policy when the update omits them. A PriorityClass marked {@code globalDefault} is refused while
 * another one is. Subresources pass.
 *
 * <p>Thread-safe; classes are read through the {@link ClusterState} given at creation.
 */
public final class PriorityAdmission implements MutatingAdmission, ValidatingAdmission {

  /** The plugin's name. */
  public static final String PLUGIN = "Priority";
  static final GroupVersionKind PRIORITY_CLASS =
      new GroupVersionKind("scheduling.k8s.io", "v1", "PriorityClass");
  private static final String PREEMPT_LOWER = "PreemptLowerPriority";

  private final ClusterState cluster;

  private PriorityAdmission(ClusterState cluster) {
    this.cluster = cluster;
  }

  /** Returns the plugin reading PriorityClasses from {@code cluster}. */
  public static PriorityAdmission create(ClusterState cluster) {
    return new PriorityAdmission(cluster);
  }

  @Override
  public String name() {
    return PLUGIN;
  }

  @Override
  public AdmissionResult admit(AdmissionAttributes a) {
    Unstructured pod = a.object();
    if (!a.subresource().isEmpty() || pod == null || !a.resource().group().isEmpty()
        || !a.resource().resource().equals("pods")) {
      return AdmissionResult.ALLOWED;
    }
    return switch (a.operation()) {
      case CREATE -> create(a, child(pod.object(), "spec"));
      case UPDATE -> {
        if (a.oldObject() != null) {
          Map<String, @Nullable Object> spec = child(pod.object(), "spec");
          keep(spec, a.oldObject(), "priority");
          keep(spec, a.oldObject(), "preemptionPolicy");
        }
        yield AdmissionResult.ALLOWED;
      }
      case DELETE, CONNECT -> AdmissionResult.ALLOWED;
    };
  }

  private AdmissionResult create(AdmissionAttributes a, Map<String, @Nullable Object> spec) {
    String className = str(spec.get("priorityClassName"));
    long priority;
    String preemption;
    if (className.isEmpty()) {
      Optional<Unstructured> dpc = defaultClass();
      if (dpc.isPresent()) {
        spec.put("priorityClassName", dpc.get().name());
        priority = value(dpc.get());
        preemption = str(dpc.get().object().get("preemptionPolicy"));
      } else {
        spec.remove("priorityClassName");
        priority = 0;
        preemption = PREEMPT_LOWER;
      }
    } else {
      Optional<Unstructured> pc = cluster.get(PRIORITY_CLASS, "", className);
      if (pc.isEmpty()) {
        return forbidden(a, "no PriorityClass with name " + className + " was found");
      }
      priority = value(pc.get());
      preemption = str(pc.get().object().get("preemptionPolicy"));
    }
    if (spec.get("priority") instanceof Number given && given.longValue() != priority) {
      return forbidden(a, "the integer value of priority (" + given.longValue() + ") must not be "
          + "provided in pod spec; priority admission controller computed " + priority
          + " from the given PriorityClass name");
    }
    spec.put("priority", priority);
    if (!preemption.isEmpty()) {
      if (spec.get("preemptionPolicy") instanceof String given && !given.equals(preemption)) {
        return forbidden(a, "the string value of PreemptionPolicy (" + given + ") must not be "
            + "provided in pod spec; priority admission controller computed " + preemption
            + " from the given PriorityClass name");
      }
      spec.put("preemptionPolicy", preemption);
    }
    return AdmissionResult.ALLOWED;
  }

  @Override
  public AdmissionResult validate(AdmissionAttributes a) {
    Unstructured pc = a.object();
    if (!a.subresource().isEmpty() || pc == null
        || !a.resource().group().equals(PRIORITY_CLASS.group())
        || !a.resource().resource().equals("priorityclasses")
        || (a.operation() != Operation.CREATE && a.operation() != Operation.UPDATE)
        || !Boolean.TRUE.equals(pc.object().get("globalDefault"))) {
      return AdmissionResult.ALLOWED;
    }
    Optional<Unstructured> dpc = defaultClass();
    if (dpc.isPresent() && (a.operation() == Operation.CREATE
        || !dpc.get().name().equals(pc.name()))) {
      return forbidden(a, "PriorityClass " + dpc.get().name() + " is already marked as default. "
          + "Only one default can exist");
    }
    return AdmissionResult.ALLOWED;
  }

  /** The global default class; the lowest value wins when a race left several. */
  private Optional<Unstructured> defaultClass() {
    Unstructured found = null;
    for (Unstructured pc : cluster.list(PRIORITY_CLASS, "", false)) {
      if (Boolean.TRUE.equals(pc.object().get("globalDefault"))
          && (found == null || value(found) > value(pc))) {
        found = pc;
      }
    }
    return Optional.ofNullable(found);
  }

  private static void keep(Map<String, @Nullable Object> spec, Unstructured old, String field) {
    Object stored = old.get("spec", field).orElse(null);
    if (spec.get(field) == null && stored != null) {
      spec.put(field, stored);
    }
  }

  private static long value(Unstructured pc) {
    return pc.object().get("value") instanceof Number n ? n.longValue() : 0;
  }

  private static AdmissionResult forbidden(AdmissionAttributes a, String reason) {
    return AdmissionErrors.forbidden(PLUGIN, a, reason);
  }
}

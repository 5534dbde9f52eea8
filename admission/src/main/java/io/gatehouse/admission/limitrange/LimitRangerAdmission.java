package io.gatehouse.admission.limitrange;

import static io.gatehouse.admission.ObjectFields.at;
import static io.gatehouse.admission.ObjectFields.maps;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionErrors;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.MutatingAdmission;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.ValidatingAdmission;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.resource.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code LimitRanger} admission plugin, as upstream's {@code limitranger.LimitRanger} with
 * its default actions (1.33), applying every LimitRange of the request's namespace in turn. On
 * pod creation it fills unset container requests and limits from {@code type: Container} items'
 * {@code defaultRequest}/{@code default} and records them in the {@code kubernetes.io/limit-ranger}
 * annotation; then it checks {@code min}, {@code max} and {@code maxLimitRequestRatio} of
 * Container items against each (init) container and of Pod items against the pod's total, and
 * {@code min}/{@code max} of PersistentVolumeClaim items against a claim's storage requests (on
 * create and update). Violations of one LimitRange are reported together as 403 {@code pods "x" is
 * forbidden: <message>} or {@code [<message>, <message>]}. Pod updates, subresources and objects
 * being deleted pass. Resources are visited in name order where upstream's map order is random.
 *
 * <p>Thread-safe; LimitRanges are read through the {@link ClusterState} given at creation.
 */
public final class LimitRangerAdmission implements MutatingAdmission, ValidatingAdmission {

  /** The plugin's name. */
  public static final String PLUGIN = "LimitRanger";
  static final GroupVersionKind LIMIT_RANGE = new GroupVersionKind("", "v1", "LimitRange");

  private final ClusterState cluster;

  private LimitRangerAdmission(ClusterState cluster) {
    this.cluster = cluster;
  }

  /** Returns the plugin reading LimitRanges from {@code cluster}. */
  public static LimitRangerAdmission create(ClusterState cluster) {
    return new LimitRangerAdmission(cluster);
  }

  @Override
  public String name() {
    return PLUGIN;
  }

  @Override
  public AdmissionResult admit(AdmissionAttributes a) {
    Unstructured obj = a.object();
    if (!supports(a) || obj == null || !a.kind().kind().equals("Pod")) {
      return AdmissionResult.ALLOWED;
    }
    for (Unstructured limitRange : limitRanges(a)) {
      ContainerDefaults.apply(limitRange, obj);
    }
    return AdmissionResult.ALLOWED;
  }

  @Override
  public AdmissionResult validate(AdmissionAttributes a) {
    Unstructured obj = a.object();
    if (!supports(a) || obj == null) {
      return AdmissionResult.ALLOWED;
    }
    for (Unstructured limitRange : limitRanges(a)) {
      List<String> errors = switch (a.resource().resource()) {
        case "pods" -> pod(limitRange, obj);
        case "persistentvolumeclaims" -> claim(limitRange, obj);
        default -> List.of();
      };
      if (!errors.isEmpty()) {
        return AdmissionErrors.forbidden(PLUGIN, a, AdmissionErrors.aggregate(errors));
      }
    }
    return AdmissionResult.ALLOWED;
  }

  /** {@code PodValidateLimitFunc}. */
  private static List<String> pod(Unstructured limitRange, Unstructured pod) {
    List<String> errors = new ArrayList<>();
    for (Map<String, @Nullable Object> item : items(limitRange)) {
      String type = item.get("type") instanceof String s ? s : "";
      if (type.equals("Container")) {
        for (String field : List.of("containers", "initContainers")) {
          for (Map<String, @Nullable Object> c : maps(pod.get("spec", field).orElse(null))) {
            check(type, item, ResourceList.of(at(c, "resources", "requests")),
                ResourceList.of(at(c, "resources", "limits")), errors);
          }
        }
      }
      if (type.equals("Pod")) {
        check(type, item, PodResources.requests(pod), PodResources.limits(pod), errors);
      }
    }
    return errors;
  }

  private static void check(String type, Map<String, @Nullable Object> item,
      ResourceList requests, ResourceList limits, List<String> errors) {
    ResourceList.of(item.get("min")).values().forEach((k, v) ->
        add(errors, Constraints.min(type, k, v, requests, limits)));
    ResourceList.of(item.get("max")).values().forEach((k, v) ->
        add(errors, Constraints.max(type, k, v, requests, limits)));
    ResourceList.of(item.get("maxLimitRequestRatio")).values().forEach((k, v) ->
        add(errors, Constraints.ratio(type, k, v, requests, limits)));
  }

  /** {@code PersistentVolumeClaimValidateLimitFunc}: storage requests only. */
  private static List<String> claim(Unstructured limitRange, Unstructured claim) {
    List<String> errors = new ArrayList<>();
    ResourceList requests = ResourceList.of(claim.get("spec", "resources", "requests")
        .orElse(null));
    for (Map<String, @Nullable Object> item : items(limitRange)) {
      String type = item.get("type") instanceof String s ? s : "";
      if (!type.equals("PersistentVolumeClaim")) {
        continue;
      }
      ResourceList.of(item.get("min")).values().forEach((String k, Quantity v) ->
          add(errors, Constraints.min(type, k, v, requests, ResourceList.empty())));
      ResourceList.of(item.get("max")).values().forEach((String k, Quantity v) ->
          add(errors, Constraints.maxRequest(type, k, v, requests)));
    }
    return errors;
  }

  /** Upstream's {@code SupportsAttributes} and handled operations, and the deletion skip. */
  private static boolean supports(AdmissionAttributes a) {
    if (!a.subresource().isEmpty() || !a.kind().group().isEmpty()
        || (a.operation() != Operation.CREATE && a.operation() != Operation.UPDATE)) {
      return false;
    }
    String kind = a.kind().kind();
    if (kind.equals("Pod") && a.operation() == Operation.UPDATE) {
      return false;
    }
    if (!kind.equals("Pod") && !kind.equals("PersistentVolumeClaim")) {
      return false;
    }
    Unstructured old = a.oldObject();
    return old == null || !old.metadata().containsKey("deletionTimestamp");
  }

  private List<Unstructured> limitRanges(AdmissionAttributes a) {
    return cluster.list(LIMIT_RANGE, a.namespace(), false);
  }

  static List<Map<String, @Nullable Object>> items(Unstructured limitRange) {
    return maps(limitRange.get("spec", "limits").orElse(null));
  }

  private static void add(List<String> errors, Optional<String> error) {
    error.ifPresent(errors::add);
  }
}

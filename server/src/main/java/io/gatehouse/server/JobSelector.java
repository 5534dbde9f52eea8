package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The job strategy's {@code generateSelectorIfNeeded} (PrepareForCreate in {@code
 * pkg/registry/batch/job/strategy.go}): unless {@code spec.manualSelector} is true, the pod
 * template is labelled with the job's name and uid ({@code job-name}, {@code
 * batch.kubernetes.io/job-name}, {@code controller-uid}, {@code
 * batch.kubernetes.io/controller-uid}; labels the user set are kept, for validation to judge) and
 * the selector matches {@code batch.kubernetes.io/controller-uid}. Runs once the uid is assigned;
 * fields of the wrong type are left alone. Stateless.
 */
final class JobSelector {

  static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";

  private JobSelector() {}

  static void generate(Unstructured job) {
    Map<String, @Nullable Object> spec = object(job.object(), "spec");
    if (spec == null || Boolean.TRUE.equals(spec.get("manualSelector"))) {
      return;
    }
    Map<String, @Nullable Object> labels = object(object(object(spec, "template"), "metadata"),
        "labels");
    if (labels != null) {
      labels.putIfAbsent("job-name", job.name());
      labels.putIfAbsent("batch.kubernetes.io/job-name", job.name());
      labels.putIfAbsent("controller-uid", job.uid());
      labels.putIfAbsent(CONTROLLER_UID, job.uid());
    }
    Map<String, @Nullable Object> matchLabels = object(object(spec, "selector"), "matchLabels");
    if (matchLabels != null) {
      matchLabels.putIfAbsent(CONTROLLER_UID, job.uid());
    }
  }

  /** The object at {@code key}, created when absent or null; null when of another type. */
  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, @Nullable Object> object(
      @Nullable Map<String, @Nullable Object> parent, String key) {
    if (parent == null) {
      return null;
    }
    Object v = parent.get(key);
    if (v == null) {
      Map<String, @Nullable Object> created = new LinkedHashMap<>();
      parent.put(key, created);
      return created;
    }
    return v instanceof Map<?, ?> m ? (Map<String, @Nullable Object>) m : null;
  }
}

package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * batch/v1 ({@code pkg/apis/batch/v1/defaults.go}): Job ({@code completions}/{@code parallelism},
 * {@code backoffLimit} 6 or MaxInt32 with {@code backoffLimitPerIndex}, labels from the template,
 * NonIndexed completion, not suspended, pod failure policy condition status True, {@code
 * podReplacementPolicy} under JobPodReplacementPolicy, {@code manualSelector: false}) and CronJob
 * (Allow, not suspended, history limits 3 and 1), plus their pod templates. The selector a Job
 * gets from its uid is the registry's (job strategy), not defaulting. Stateless.
 */
final class BatchDefaults {

  private static final long MAX_INT32 = Integer.MAX_VALUE;

  private BatchDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    return Map.of(
        new GroupVersionKind("batch", "v1", "Job"), BatchDefaults::job,
        new GroupVersionKind("batch", "v1", "CronJob"), BatchDefaults::cronJob);
  }

  private static void job(Map<String, @Nullable Object> job, Set<Feature> f) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(job, "spec");
    if (spec == null) {
      return;
    }
    if (Fields.unset(spec, "completions") && Fields.unset(spec, "parallelism")) {
      spec.put("completions", 1L);
      spec.put("parallelism", 1L);
    }
    Fields.setIfUnset(spec, "parallelism", 1L);
    if (Fields.unset(spec, "backoffLimit")) {
      spec.put("backoffLimit", Fields.unset(spec, "backoffLimitPerIndex") ? 6L : MAX_INT32);
    }
    Map<String, @Nullable Object> template = Fields.map(spec, "template");
    Map<String, @Nullable Object> templateMeta =
        template == null ? null : Fields.map(template, "metadata");
    Map<String, @Nullable Object> labels =
        templateMeta == null ? null : Fields.map(templateMeta, "labels");
    if (labels != null) {
      Map<String, @Nullable Object> meta = Fields.mapOrCreate(job, "metadata");
      if (meta != null && Fields.empty(meta, "labels")) {
        meta.put("labels", new LinkedHashMap<>(labels));
      }
    }
    Fields.setIfUnset(spec, "completionMode", "NonIndexed");
    Fields.setIfUnset(spec, "suspend", false);
    Map<String, @Nullable Object> failurePolicy = Fields.map(spec, "podFailurePolicy");
    if (failurePolicy != null) {
      for (Map<String, @Nullable Object> rule : Fields.maps(failurePolicy, "rules")) {
        for (Map<String, @Nullable Object> pattern : Fields.maps(rule, "onPodConditions")) {
          Fields.setIfBlank(pattern, "status", "True");
        }
      }
    }
    if (f.contains(Feature.JOB_POD_REPLACEMENT_POLICY)) {
      Fields.setIfUnset(spec, "podReplacementPolicy",
          failurePolicy != null ? "Failed" : "TerminatingOrFailed");
    }
    Fields.setIfUnset(spec, "manualSelector", false);
    PodDefaults.template(template, f);
  }

  private static void cronJob(Map<String, @Nullable Object> cronJob, Set<Feature> f) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(cronJob, "spec");
    if (spec == null) {
      return;
    }
    Fields.setIfBlank(spec, "concurrencyPolicy", "Allow");
    Fields.setIfUnset(spec, "suspend", false);
    Fields.setIfUnset(spec, "successfulJobsHistoryLimit", 3L);
    Fields.setIfUnset(spec, "failedJobsHistoryLimit", 1L);
    Map<String, @Nullable Object> jobTemplate = Fields.map(spec, "jobTemplate");
    Map<String, @Nullable Object> jobSpec =
        jobTemplate == null ? null : Fields.map(jobTemplate, "spec");
    if (jobSpec != null) {
      PodDefaults.template(Fields.map(jobSpec, "template"), f);
    }
  }
}

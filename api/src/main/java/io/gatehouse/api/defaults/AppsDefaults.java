package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * apps/v1 ({@code pkg/apis/apps/v1/defaults.go}): Deployment, DaemonSet, StatefulSet and ReplicaSet
 * defaults plus their pod templates; a StatefulSet's volume claim templates are defaulted as
 * PersistentVolumeClaims (so they carry {@code status.phase: Pending}). Stateless.
 */
final class AppsDefaults {

  private static final String ROLLING_UPDATE = "RollingUpdate";

  private AppsDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    return Map.of(
        kind("Deployment"), AppsDefaults::deployment,
        kind("DaemonSet"), AppsDefaults::daemonSet,
        kind("StatefulSet"), AppsDefaults::statefulSet,
        kind("ReplicaSet"), AppsDefaults::replicaSet);
  }

  private static GroupVersionKind kind(String kind) {
    return new GroupVersionKind("apps", "v1", kind);
  }

  private static void deployment(Map<String, @Nullable Object> d, Set<Feature> f) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(d, "spec");
    if (spec == null) {
      return;
    }
    Fields.setIfUnset(spec, "replicas", 1L);
    Map<String, @Nullable Object> strategy = Fields.mapOrCreate(spec, "strategy");
    if (strategy != null) {
      Fields.setIfBlank(strategy, "type", ROLLING_UPDATE);
      if (ROLLING_UPDATE.equals(strategy.get("type"))) {
        Map<String, @Nullable Object> rolling = Fields.mapOrCreate(strategy, "rollingUpdate");
        if (rolling != null) {
          Fields.setIfUnset(rolling, "maxUnavailable", "25%");
          Fields.setIfUnset(rolling, "maxSurge", "25%");
        }
      }
    }
    Fields.setIfUnset(spec, "revisionHistoryLimit", 10L);
    Fields.setIfUnset(spec, "progressDeadlineSeconds", 600L);
    PodDefaults.template(Fields.map(spec, "template"), f);
  }

  private static void daemonSet(Map<String, @Nullable Object> ds, Set<Feature> f) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(ds, "spec");
    if (spec == null) {
      return;
    }
    Map<String, @Nullable Object> strategy = Fields.mapOrCreate(spec, "updateStrategy");
    if (strategy != null) {
      Fields.setIfBlank(strategy, "type", ROLLING_UPDATE);
      if (ROLLING_UPDATE.equals(strategy.get("type"))) {
        Map<String, @Nullable Object> rolling = Fields.mapOrCreate(strategy, "rollingUpdate");
        if (rolling != null) {
          Fields.setIfUnset(rolling, "maxUnavailable", 1L);
          Fields.setIfUnset(rolling, "maxSurge", 0L);
        }
      }
    }
    Fields.setIfUnset(spec, "revisionHistoryLimit", 10L);
    PodDefaults.template(Fields.map(spec, "template"), f);
  }

  private static void statefulSet(Map<String, @Nullable Object> sts, Set<Feature> f) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(sts, "spec");
    if (spec == null) {
      return;
    }
    Fields.setIfBlank(spec, "podManagementPolicy", "OrderedReady");
    Map<String, @Nullable Object> strategy = Fields.mapOrCreate(spec, "updateStrategy");
    if (strategy != null) {
      if (Fields.blank(strategy, "type")) {
        strategy.put("type", ROLLING_UPDATE);
        Fields.mapOrCreate(strategy, "rollingUpdate");
      }
      Map<String, @Nullable Object> rolling = Fields.map(strategy, "rollingUpdate");
      if (ROLLING_UPDATE.equals(strategy.get("type")) && rolling != null) {
        Fields.setIfUnset(rolling, "partition", 0L);
        if (f.contains(Feature.MAX_UNAVAILABLE_STATEFUL_SET)) {
          Fields.setIfUnset(rolling, "maxUnavailable", 1L);
        }
      }
    }
    if (f.contains(Feature.STATEFUL_SET_AUTO_DELETE_PVC)) {
      Map<String, @Nullable Object> retention =
          Fields.mapOrCreate(spec, "persistentVolumeClaimRetentionPolicy");
      if (retention != null) {
        Fields.setIfBlank(retention, "whenDeleted", "Retain");
        Fields.setIfBlank(retention, "whenScaled", "Retain");
      }
    }
    Fields.setIfUnset(spec, "replicas", 1L);
    Fields.setIfUnset(spec, "revisionHistoryLimit", 10L);
    PodDefaults.template(Fields.map(spec, "template"), f);
    for (Map<String, @Nullable Object> claim : Fields.maps(spec, "volumeClaimTemplates")) {
      CoreDefaults.persistentVolumeClaim(claim);
    }
  }

  private static void replicaSet(Map<String, @Nullable Object> rs, Set<Feature> f) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(rs, "spec");
    if (spec == null) {
      return;
    }
    Fields.setIfUnset(spec, "replicas", 1L);
    PodDefaults.template(Fields.map(spec, "template"), f);
  }
}

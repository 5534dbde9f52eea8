package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * storage.k8s.io/v1 ({@code pkg/apis/storage/v1/defaults.go}): StorageClass reclaim policy Delete
 * and binding mode Immediate; CSIDriver attachRequired true, podInfoOnMount, storageCapacity and
 * requiresRepublish false, fsGroupPolicy ReadWriteOnceWithFSType, lifecycle modes [Persistent],
 * seLinuxMount false (SELinuxMountReadWriteOncePod); a VolumeAttachment's inline volume spec gets
 * the persistent-volume source defaults. Stateless.
 */
final class StorageDefaults {

  private static final String GROUP = "storage.k8s.io";

  private StorageDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    return Map.of(
        new GroupVersionKind(GROUP, "v1", "StorageClass"), (o, f) -> storageClass(o),
        new GroupVersionKind(GROUP, "v1", "CSIDriver"), StorageDefaults::csiDriver,
        new GroupVersionKind(GROUP, "v1", "VolumeAttachment"), (o, f) -> volumeAttachment(o));
  }

  private static void storageClass(Map<String, @Nullable Object> sc) {
    Fields.setIfUnset(sc, "reclaimPolicy", "Delete");
    Fields.setIfUnset(sc, "volumeBindingMode", "Immediate");
  }

  private static void csiDriver(Map<String, @Nullable Object> driver, Set<Feature> f) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(driver, "spec");
    if (spec == null) {
      return;
    }
    Fields.setIfUnset(spec, "attachRequired", true);
    Fields.setIfUnset(spec, "podInfoOnMount", false);
    Fields.setIfUnset(spec, "storageCapacity", false);
    Fields.setIfUnset(spec, "fsGroupPolicy", "ReadWriteOnceWithFSType");
    if (Fields.empty(spec, "volumeLifecycleModes")) {
      spec.put("volumeLifecycleModes", Fields.list("Persistent"));
    }
    Fields.setIfUnset(spec, "requiresRepublish", false);
    if (f.contains(Feature.SELINUX_MOUNT_READ_WRITE_ONCE_POD)) {
      Fields.setIfUnset(spec, "seLinuxMount", false);
    }
  }

  private static void volumeAttachment(Map<String, @Nullable Object> va) {
    Map<String, @Nullable Object> spec = Fields.map(va, "spec");
    Map<String, @Nullable Object> source = spec == null ? null : Fields.map(spec, "source");
    Map<String, @Nullable Object> inline =
        source == null ? null : Fields.map(source, "inlineVolumeSpec");
    if (inline != null) {
      VolumeDefaults.persistentVolumeSpec(inline);
    }
  }
}

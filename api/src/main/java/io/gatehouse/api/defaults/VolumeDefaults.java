package io.gatehouse.api.defaults;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The core/v1 volume defaults: {@code SetDefaults_Volume} (a volume without a source is an
 * emptyDir), the per-source {@code SetDefaults_*VolumeSource} functions (file modes 0644, hostPath
 * type "", projected token expiry one hour, iSCSI, RBD, Azure disk and ScaleIO settings) and those
 * of the persistent-volume sources they share. Stateless.
 */
final class VolumeDefaults {

  /** File mode 0644, the default of secret, configMap, downwardAPI and projected volumes. */
  static final long DEFAULT_MODE = 0644;

  /** The keys of {@code VolumeSource}: a volume with none of them set gets an emptyDir. */
  private static final Set<String> SOURCES = Set.of("hostPath", "emptyDir", "gcePersistentDisk",
      "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi", "glusterfs",
      "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI",
      "fc", "azureFile", "configMap", "vsphereVolume", "quobyte", "azureDisk",
      "photonPersistentDisk", "projected", "portworxVolume", "scaleIO", "storageos", "csi",
      "ephemeral", "image");

  private VolumeDefaults() {}

  /** One entry of {@code spec.volumes} of a pod or pod template. */
  static void volume(Map<String, @Nullable Object> v, Set<Feature> features) {
    if (SOURCES.stream().allMatch(k -> Fields.unset(v, k))) {
      v.put("emptyDir", Fields.object());
    }
    Map<String, @Nullable Object> image = Fields.map(v, "image");
    if (features.contains(Feature.IMAGE_VOLUME) && image != null && Fields.blank(image, "pullPolicy")) {
      image.put("pullPolicy", ImageReference.defaultPullPolicy(Fields.string(image, "reference")));
    }
    hostPath(Fields.map(v, "hostPath"));
    defaultMode(Fields.map(v, "secret"));
    iscsi(Fields.map(v, "iscsi"));
    rbd(Fields.map(v, "rbd"));
    Map<String, @Nullable Object> downward = Fields.map(v, "downwardAPI");
    if (downward != null) {
      defaultMode(downward);
      fieldRefs(downward);
    }
    defaultMode(Fields.map(v, "configMap"));
    azureDisk(Fields.map(v, "azureDisk"));
    Map<String, @Nullable Object> projected = Fields.map(v, "projected");
    if (projected != null) {
      defaultMode(projected);
      for (Map<String, @Nullable Object> source : Fields.maps(projected, "sources")) {
        Map<String, @Nullable Object> items = Fields.map(source, "downwardAPI");
        if (items != null) {
          fieldRefs(items);
        }
        Map<String, @Nullable Object> token = Fields.map(source, "serviceAccountToken");
        if (token != null) {
          Fields.setIfUnset(token, "expirationSeconds", 3600L);
        }
      }
    }
    scaleIO(Fields.map(v, "scaleIO"));
    Map<String, @Nullable Object> ephemeral = Fields.map(v, "ephemeral");
    Map<String, @Nullable Object> template =
        ephemeral == null ? null : Fields.map(ephemeral, "volumeClaimTemplate");
    Map<String, @Nullable Object> claimSpec = template == null ? null : Fields.map(template, "spec");
    if (claimSpec != null) {
      CoreDefaults.claimSpec(claimSpec);
    }
  }

  /**
   * The sources a {@code PersistentVolumeSpec} shares with pod volumes, as generated for
   * PersistentVolume and VolumeAttachment's inline spec (capacity rounded too).
   */
  static void persistentVolumeSpec(Map<String, @Nullable Object> spec) {
    ResourceLists.round(spec, "capacity");
    hostPath(Fields.map(spec, "hostPath"));
    rbd(Fields.map(spec, "rbd"));
    iscsi(Fields.map(spec, "iscsi"));
    azureDisk(Fields.map(spec, "azureDisk"));
    scaleIO(Fields.map(spec, "scaleIO"));
  }

  private static void fieldRefs(Map<String, @Nullable Object> downwardApi) {
    for (Map<String, @Nullable Object> item : Fields.maps(downwardApi, "items")) {
      PodDefaults.fieldRef(Fields.map(item, "fieldRef"));
    }
  }

  private static void defaultMode(@Nullable Map<String, @Nullable Object> source) {
    if (source != null) {
      Fields.setIfUnset(source, "defaultMode", DEFAULT_MODE);
    }
  }

  private static void hostPath(@Nullable Map<String, @Nullable Object> source) {
    if (source != null) {
      Fields.setIfUnset(source, "type", "");
    }
  }

  private static void iscsi(@Nullable Map<String, @Nullable Object> source) {
    if (source != null) {
      Fields.setIfBlank(source, "iscsiInterface", "default");
    }
  }

  private static void rbd(@Nullable Map<String, @Nullable Object> source) {
    if (source != null) {
      Fields.setIfBlank(source, "pool", "rbd");
      Fields.setIfBlank(source, "user", "admin");
      Fields.setIfBlank(source, "keyring", "/etc/ceph/keyring");
    }
  }

  private static void azureDisk(@Nullable Map<String, @Nullable Object> source) {
    if (source != null) {
      Fields.setIfUnset(source, "cachingMode", "ReadWrite");
      Fields.setIfUnset(source, "kind", "Shared");
      Fields.setIfUnset(source, "fsType", "ext4");
      Fields.setIfUnset(source, "readOnly", false);
    }
  }

  private static void scaleIO(@Nullable Map<String, @Nullable Object> source) {
    if (source != null) {
      Fields.setIfBlank(source, "storageMode", "ThinProvisioned");
      Fields.setIfBlank(source, "fsType", "xfs");
    }
  }
}

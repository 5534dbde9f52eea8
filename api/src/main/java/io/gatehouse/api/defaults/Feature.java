package io.gatehouse.api.defaults;

import java.util.EnumSet;
import java.util.Set;

/**
 * The Kubernetes feature gates that change what defaulting does, with their default state in
 * Kubernetes 1.33 ({@code pkg/features/kube_features.go}). Gates that are GA and locked on are not
 * listed: their defaults apply unconditionally.
 */
public enum Feature {
  /** Job {@code spec.podReplacementPolicy} (beta, on): defaulted to TerminatingOrFailed/Failed. */
  JOB_POD_REPLACEMENT_POLICY("JobPodReplacementPolicy", true),
  /** StatefulSet {@code persistentVolumeClaimRetentionPolicy} (GA in 1.32, on): Retain/Retain. */
  STATEFUL_SET_AUTO_DELETE_PVC("StatefulSetAutoDeletePVC", true),
  /** CSIDriver {@code spec.seLinuxMount} (beta, on): defaulted to false. */
  SELINUX_MOUNT_READ_WRITE_ONCE_POD("SELinuxMountReadWriteOncePod", true),
  /** StatefulSet {@code rollingUpdate.maxUnavailable} (alpha, off): defaulted to 1 when on. */
  MAX_UNAVAILABLE_STATEFUL_SET("MaxUnavailableStatefulSet", false),
  /** Image volumes (beta, off in 1.33): {@code image.pullPolicy} defaulted like a container's. */
  IMAGE_VOLUME("ImageVolume", false);

  private final String gateName;
  private final boolean enabledIn133;

  Feature(String gateName, boolean enabledIn133) {
    this.gateName = gateName;
    this.enabledIn133 = enabledIn133;
  }

  /** The upstream gate name, e.g. {@code JobPodReplacementPolicy}. */
  public String gateName() {
    return gateName;
  }

  /** Whether Kubernetes 1.33 enables the gate by default. */
  public boolean enabledIn133() {
    return enabledIn133;
  }

  /** The gates Kubernetes 1.33 enables by default; a fresh mutable set. */
  public static Set<Feature> kubernetes133() {
    Set<Feature> on = EnumSet.noneOf(Feature.class);
    for (Feature f : values()) {
      if (f.enabledIn133) {
        on.add(f);
      }
    }
    return on;
  }
}

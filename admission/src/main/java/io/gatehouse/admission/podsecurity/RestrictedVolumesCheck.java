package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code restrictedVolumes} (restricted, v1.0, overrides {@code hostPathVolumes}): besides
 * hostPath, only volume types that are core or defined through PersistentVolumes are allowed.
 *
 * <p>Restricted field: {@code spec.volumes[*]}. Allowed sources: {@code configMap}, {@code csi},
 * {@code downwardAPI}, {@code emptyDir}, {@code ephemeral}, {@code image}, {@code
 * persistentVolumeClaim}, {@code projected}, {@code secret}. Upstream allows {@code image} (added
 * in 1.33) in its only revision, so at every policy version. Names are listed in spec order, the
 * types sorted. A volume with no source at all is allowed: the API server defaults it to {@code
 * emptyDir} before admission. Upstream's {@code unknown} type (a source it does not know) cannot
 * arise here, as every source of the 1.3x API is in one of the two lists.
 */
final class RestrictedVolumesCheck {

  static final String ID = "restrictedVolumes";

  private static final String[] ALLOWED = {
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "image",
    "persistentVolumeClaim",
    "projected",
    "secret"
  };

  /** In upstream's switch order; the JSON field names are also the type names it reports. */
  private static final String[] RESTRICTED = {
    "hostPath",
    "gcePersistentDisk",
    "awsElasticBlockStore",
    "gitRepo",
    "nfs",
    "iscsi",
    "glusterfs",
    "rbd",
    "flexVolume",
    "cinder",
    "cephfs",
    "flocker",
    "fc",
    "azureFile",
    "vsphereVolume",
    "quobyte",
    "azureDisk",
    "photonPersistentDisk",
    "portworxVolume",
    "scaleIO",
    "storageos"
  };

  private RestrictedVolumesCheck() {}

  static Check check() {
    return Check.of(
        ID,
        Level.RESTRICTED,
        VersionedCheck.overriding(
            0, RestrictedVolumesCheck::restrictedVolumes_1_0, HostPathVolumesCheck.ID));
  }

  static CheckResult restrictedVolumes_1_0(PodView pod) {
    List<?> volumes = Values.list(pod.spec(), "volumes");
    List<String> badVolumes = new ArrayList<>(0);
    TreeSet<String> badTypes = new TreeSet<>(GoText.BYTE_ORDER);
    List<String> fields = new ArrayList<>(0);
    for (int i = 0; i < volumes.size(); i++) {
      Map<?, ?> v = volumes.get(i) instanceof Map<?, ?> m ? m : Map.of();
      if (hasAny(v, ALLOWED) || !hasAny(v, RESTRICTED)) {
        // no source at all is defaulted to emptyDir by the API server (SetDefaults_Volume)
        continue;
      }
      badVolumes.add(Values.stringOrEmpty(v, "name"));
      String type = "unknown";
      for (String t : RESTRICTED) {
        if (Values.present(v, t)) {
          type = t;
          break;
        }
      }
      badTypes.add(type);
      fields.add("spec.volumes[" + i + "]." + type);
    }
    if (badVolumes.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "restricted volume types",
        GoText.pluralize("volume", "volumes", badVolumes.size())
            + " "
            + GoText.joinQuote(badVolumes)
            + " "
            + GoText.pluralize("uses", "use", badVolumes.size())
            + " "
            + GoText.pluralize("restricted volume type", "restricted volume types", badTypes.size())
            + " "
            + GoText.joinQuote(badTypes),
        List.of(),
        fields);
  }

  private static boolean hasAny(Map<?, ?> volume, String[] sources) {
    for (String s : sources) {
      if (Values.present(volume, s)) {
        return true;
      }
    }
    return false;
  }
}

package io.gatehouse.admission.storageclass;

import static io.gatehouse.admission.ObjectFields.child;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.MutatingAdmission;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code DefaultStorageClass} admission plugin, as upstream's {@code setdefault} plugin: a
 * PersistentVolumeClaim created without {@code spec.storageClassName} (null, not empty) and
 * without the beta {@code volume.beta.kubernetes.io/storage-class} annotation gets the default
 * StorageClass's name. The default is a class annotated {@code
 * storageclass.kubernetes.io/is-default-class: "true"} (or the beta {@code
 * storageclass.beta.kubernetes.io/is-default-class}); among several, the newest by creation time,
 * then the first by name ({@code volume/util.GetDefaultClass}). Never denies.
 *
 * <p>Thread-safe; classes are read through the {@link ClusterState} given at creation.
 */
public final class DefaultStorageClassAdmission implements MutatingAdmission {

  /** The plugin's name. */
  public static final String PLUGIN = "DefaultStorageClass";
  static final GroupVersionKind STORAGE_CLASS =
      new GroupVersionKind("storage.k8s.io", "v1", "StorageClass");
  static final String IS_DEFAULT = "storageclass.kubernetes.io/is-default-class";
  static final String BETA_IS_DEFAULT = "storageclass.beta.kubernetes.io/is-default-class";
  static final String BETA_CLAIM_CLASS = "volume.beta.kubernetes.io/storage-class";

  private final ClusterState cluster;

  private DefaultStorageClassAdmission(ClusterState cluster) {
    this.cluster = cluster;
  }

  /** Returns the plugin reading StorageClasses from {@code cluster}. */
  public static DefaultStorageClassAdmission create(ClusterState cluster) {
    return new DefaultStorageClassAdmission(cluster);
  }

  @Override
  public String name() {
    return PLUGIN;
  }

  @Override
  public AdmissionResult admit(AdmissionAttributes a) {
    Unstructured claim = a.object();
    if (claim == null || a.operation() != Operation.CREATE || !a.subresource().isEmpty()
        || !a.resource().group().isEmpty()
        || !a.resource().resource().equals("persistentvolumeclaims")) {
      return AdmissionResult.ALLOWED;
    }
    if (claim.get("spec", "storageClassName").isPresent()
        || claim.annotations().containsKey(BETA_CLAIM_CLASS)) {
      return AdmissionResult.ALLOWED;
    }
    Optional<Unstructured> def = defaultClass();
    if (def.isPresent()) {
      Map<String, @Nullable Object> spec = child(claim.object(), "spec");
      spec.put("storageClassName", def.get().name());
    }
    return AdmissionResult.ALLOWED;
  }

  /** The default class, if any. */
  Optional<Unstructured> defaultClass() {
    return cluster.list(STORAGE_CLASS, "", false).stream()
        .filter(DefaultStorageClassAdmission::isDefault)
        .min(Comparator.comparing((Unstructured sc) -> created(sc)).reversed()
            .thenComparing(Unstructured::name));
  }

  private static boolean isDefault(Unstructured sc) {
    Map<String, String> annotations = sc.annotations();
    return "true".equals(annotations.get(IS_DEFAULT))
        || "true".equals(annotations.get(BETA_IS_DEFAULT));
  }

  /** The creation timestamp as RFC 3339 text: second precision, so it orders as time does. */
  private static String created(Unstructured sc) {
    return sc.metadata().get("creationTimestamp") instanceof String s ? s : "";
  }
}

package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * kube-apiserver's defaulting of built-in objects ({@code scheme.Default}): for each built-in
 * group/version/kind with defaults, upstream's {@code SetObjectDefaults_<Kind>} — the {@code
 * SetDefaults_*} functions and {@code +default} markers of every type inside the object, applied
 * in defaulter-gen's order. Kubernetes 1.33 semantics; the feature gates that change defaults are
 * given at construction ({@link Feature}).
 *
 * <p>Defaulting only fills fields Go would decode as unset (absent or {@code null}; for non-pointer
 * strings and numbers also {@code ""} and 0), so it is idempotent, and never throws: values of the
 * wrong type are left for validation. Objects of kinds without defaults (ConfigMaps, custom
 * resources…) are left untouched, at the cost of one map lookup.
 *
 * <p>Immutable and thread-safe; the objects it defaults are mutated in place and must not be shared
 * with concurrent readers meanwhile.
 */
public final class Defaulter {

  private static final Defaulter KUBERNETES_133 = new Defaulter(Feature.kubernetes133());

  private final Map<GroupVersionKind, KindDefaulter> kinds;
  private final Set<Feature> features;

  private Defaulter(Set<Feature> features) {
    this.features = Collections.unmodifiableSet(
        features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features));
    Map<GroupVersionKind, KindDefaulter> all = new HashMap<>();
    all.putAll(CoreDefaults.kinds());
    all.putAll(AppsDefaults.kinds());
    all.putAll(BatchDefaults.kinds());
    all.putAll(AutoscalingDefaults.kinds());
    all.putAll(NetworkingDefaults.kinds());
    all.putAll(RbacDefaults.kinds());
    all.putAll(AdmissionRegistrationDefaults.kinds());
    all.putAll(StorageDefaults.kinds());
    all.putAll(DiscoveryDefaults.kinds());
    all.putAll(FlowControlDefaults.kinds());
    all.putAll(SchedulingDefaults.kinds());
    all.putAll(ApiExtensionsDefaults.kinds());
    all.putAll(ApiRegistrationDefaults.kinds());
    this.kinds = Map.copyOf(all);
  }

  /** Kubernetes 1.33 with its default feature gates. */
  public static Defaulter kubernetes133() {
    return KUBERNETES_133;
  }

  /** Kubernetes 1.33 defaults with exactly the gates in {@code enabled} turned on. */
  public static Defaulter withFeatures(Set<Feature> enabled) {
    return new Defaulter(enabled);
  }

  /** The gates this defaulter has on. */
  public Set<Feature> features() {
    return features;
  }

  /** Whether objects of {@code gvk} have defaults. */
  public boolean handles(GroupVersionKind gvk) {
    return kinds.containsKey(gvk);
  }

  /**
   * Defaults {@code object} as an object of {@code gvk} (the version it was decoded in or read
   * from storage in; its own {@code apiVersion}/{@code kind} are not consulted).
   *
   * @return whether {@code gvk} has defaults (the object may still be unchanged)
   */
  public boolean apply(GroupVersionKind gvk, Map<String, @Nullable Object> object) {
    KindDefaulter d = kinds.get(gvk);
    if (d == null) {
      return false;
    }
    d.apply(object, features);
    return true;
  }

  /**
   * Defaults {@code object} as the kind its {@code apiVersion} and {@code kind} name; an object
   * without them, or of an unknown kind, is left alone.
   *
   * @return whether the object's kind has defaults
   */
  public boolean apply(Unstructured object) {
    String apiVersion = object.apiVersion();
    if (apiVersion.isEmpty() || object.kind().isEmpty()) {
      return false;
    }
    GroupVersion gv;
    try {
      gv = GroupVersion.parse(apiVersion);
    } catch (RuntimeException e) {
      return false;
    }
    return apply(gv.withKind(object.kind()), object.object());
  }
}

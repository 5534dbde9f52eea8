package io.gatehouse.admission.serviceaccount;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The projected volume and mount the plugin adds (upstream's {@code TokenVolumeSource}): a bound
 * service-account token at {@code token} expiring after 3607 s, {@code ca.crt} from the {@code
 * kube-root-ca.crt} ConfigMap and the pod's namespace from the downward API, default mode 0644,
 * mounted read-only at {@code /var/run/secrets/kubernetes.io/serviceaccount}. Keys are inserted in
 * the Go structs' field order, as kube-apiserver serializes them. Stateless.
 */
final class TokenVolume {

  /** The prefix of the generated volume name. */
  static final String NAME_PREFIX = "kube-api-access-";
  /** Where every container sees the token. */
  static final String MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
  /** {@code serviceaccount.WarnOnlyBoundTokenExpirationSeconds}: one hour and seven seconds. */
  static final long EXPIRATION_SECONDS = 3607;
  /** {@code ProjectedVolumeSourceDefaultMode} (0644). */
  static final long DEFAULT_MODE = 420;
  /** The ConfigMap the root CA publisher keeps in every namespace. */
  static final String ROOT_CA_CONFIG_MAP = "kube-root-ca.crt";

  private TokenVolume() {}

  /** The volume named {@code name}. */
  static Map<String, @Nullable Object> volume(String name) {
    Map<String, @Nullable Object> token = new LinkedHashMap<>();
    token.put("expirationSeconds", EXPIRATION_SECONDS);
    token.put("path", "token");
    Map<String, @Nullable Object> configMap = new LinkedHashMap<>();
    configMap.put("name", ROOT_CA_CONFIG_MAP);
    configMap.put("items", mutable(item("key", "ca.crt", "path", "ca.crt")));
    Map<String, @Nullable Object> fieldRef = item("apiVersion", "v1", "fieldPath",
        "metadata.namespace");
    Map<String, @Nullable Object> file = new LinkedHashMap<>();
    file.put("path", "namespace");
    file.put("fieldRef", fieldRef);
    Map<String, @Nullable Object> downward = new LinkedHashMap<>();
    downward.put("items", mutable(file));
    Map<String, @Nullable Object> projected = new LinkedHashMap<>();
    projected.put("sources", mutable(single("serviceAccountToken", token),
        single("configMap", configMap), single("downwardAPI", downward)));
    projected.put("defaultMode", DEFAULT_MODE);
    Map<String, @Nullable Object> volume = new LinkedHashMap<>();
    volume.put("name", name);
    volume.put("projected", projected);
    return volume;
  }

  /** The mount of the volume named {@code name}. */
  static Map<String, @Nullable Object> mount(String name) {
    Map<String, @Nullable Object> mount = new LinkedHashMap<>();
    mount.put("name", name);
    mount.put("readOnly", true);
    mount.put("mountPath", MOUNT_PATH);
    return mount;
  }

  @SafeVarargs
  private static List<@Nullable Object> mutable(Map<String, @Nullable Object>... elements) {
    return new ArrayList<>(List.of(elements));
  }

  private static Map<String, @Nullable Object> single(String key, Object value) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  private static Map<String, @Nullable Object> item(String k1, String v1, String k2, String v2) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}

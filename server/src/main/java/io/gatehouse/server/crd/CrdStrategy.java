package io.gatehouse.server.crd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The registry strategy of CustomResourceDefinitions (apiextensions' {@code
 * customresourcedefinition/strategy.go}) on decoded objects: a create resets {@code status} to
 * just the storage version in {@code storedVersions}; an update keeps the stored status, adds a new
 * storage version to {@code storedVersions}, and bumps {@code generation} only when {@code spec}
 * changed; a {@code /status} update keeps the stored {@code spec}. Stateless.
 */
public final class CrdStrategy {

  /** The finalizer that makes the server delete a CRD's objects before the CRD. */
  public static final String CLEANUP_FINALIZER = "customresourcecleanup.apiextensions.k8s.io";

  private CrdStrategy() {}

  /** {@code PrepareForCreate} (generation is the registry's). */
  public static void prepareForCreate(Map<String, @Nullable Object> crd) {
    CrdReader.applyDefaults(crd);
    Map<String, Object> status = new LinkedHashMap<>();
    String storage = storageVersion(crd);
    List<String> stored = new ArrayList<>();
    if (storage != null) {
      stored.add(storage);
    }
    status.put("acceptedNames", acceptedNamesSkeleton());
    status.put("storedVersions", stored);
    crd.put("status", status);
  }

  /** {@code PrepareForUpdate}: returns whether {@code spec} changed (generation is bumped then). */
  @SuppressWarnings("unchecked")
  public static boolean prepareForUpdate(Map<String, @Nullable Object> crd,
      Map<String, @Nullable Object> old) {
    CrdReader.applyDefaults(crd);
    Object oldStatus = old.get("status");
    Map<String, Object> status = oldStatus instanceof Map<?, ?> m
        ? deepCopy((Map<String, Object>) m) : new LinkedHashMap<>();
    String storage = storageVersion(crd);
    List<Object> stored = status.get("storedVersions") instanceof List<?> l
        ? new ArrayList<>(l) : new ArrayList<>();
    if (storage != null && !stored.contains(storage)) {
      stored.add(storage);
    }
    status.put("storedVersions", stored);
    crd.put("status", status);
    return !Objects.equals(crd.get("spec"), old.get("spec"));
  }

  /** The status update's strategy: the stored {@code spec} is kept. */
  public static void prepareForStatusUpdate(Map<String, @Nullable Object> crd,
      Map<String, @Nullable Object> old) {
    crd.put("spec", old.get("spec"));
  }

  @SuppressWarnings("unchecked")
  private static @Nullable String storageVersion(Map<String, @Nullable Object> crd) {
    if (crd.get("spec") instanceof Map<?, ?> spec && spec.get("versions") instanceof List<?> vs) {
      for (Object v : vs) {
        if (v instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("storage"))
            && m.get("name") instanceof String name) {
          return name;
        }
      }
    }
    return null;
  }

  private static Map<String, Object> acceptedNamesSkeleton() {
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("plural", "");
    names.put("kind", "");
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    return (Map<String, Object>) io.gatehouse.api.Unstructured.copyOf(m).object();
  }
}

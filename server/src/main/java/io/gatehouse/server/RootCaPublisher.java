package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-controller-manager's {@code root-ca-cert-publisher}: every active namespace has a ConfigMap
 * {@code kube-root-ca.crt} whose {@code data} is exactly {@code {ca.crt: <CA bundle>}} and which
 * carries the {@code kubernetes.io/description} annotation; a missing one is created, a changed
 * one (other data, no description) is set back, other annotations and labels are kept. Pods read
 * it through the {@code kube-api-access-*} volume the ServiceAccount plugin mounts. The bundle is
 * the CA that signs the serving certificate. Namespaces being deleted are skipped. Writes bypass
 * admission. Thread-safe.
 */
final class RootCaPublisher {

  static final String NAME = "kube-root-ca.crt";
  static final String DESCRIPTION_ANNOTATION = "kubernetes.io/description";
  static final String DESCRIPTION = "Contains a CA bundle that can be used to verify the "
      + "kube-apiserver when using internal endpoints such as the internal service IP or "
      + "kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes "
      + "clusters.";
  private static final Logger LOG = LoggerFactory.getLogger(RootCaPublisher.class);
  private static final Duration RESYNC = Duration.ofMinutes(5);

  private final Registry registry;
  private final StoredResource namespaces;
  private final StoredResource configMaps;
  private final String bundle;

  /** @param bundle the PEM CA bundle published as {@code ca.crt} */
  RootCaPublisher(Registry registry, ResourceTable resources, String bundle) {
    this.registry = registry;
    this.namespaces = StoredObjects.core(resources, "namespaces");
    this.configMaps = StoredObjects.core(resources, "configmaps");
    this.bundle = bundle;
  }

  /**
   * Starts syncing at every namespace change and every change of a {@value #NAME} ConfigMap (as
   * upstream's publisher, which ignores other ConfigMaps); close the result to stop.
   */
  AutoCloseable start() {
    String configMapPrefix = configMaps.prefix();
    return new ChangeTrigger("root-ca-cert-publisher", registry.store(),
        List.of(namespaces.prefix(), configMapPrefix),
        key -> !key.startsWith(configMapPrefix) || key.endsWith("/" + NAME), RESYNC,
        this::sync).start();
  }

  /** Brings every active namespace's ConfigMap to the expected content. */
  void sync() {
    for (Unstructured ns : StoredObjects.list(registry, namespaces, "")) {
      boolean active = !ns.metadata().containsKey("deletionTimestamp")
          && !"Terminating".equals(ns.get("status", "phase").orElse("Active"));
      if (active) {
        try {
          syncNamespace(ns.name());
        } catch (StatusException e) {
          LOG.atDebug().setMessage("Root CA ConfigMap not written")
              .addKeyValue("namespace", ns.name()).addKeyValue("reason", e.getMessage()).log();
        }
      }
    }
  }

  private void syncNamespace(String namespace) {
    Optional<Unstructured> existing = registry.store().get(configMaps.key(namespace, NAME)).kv()
        .map(ObjectBytes::read);
    if (existing.isEmpty()) {
      Map<String, @Nullable Object> meta = new LinkedHashMap<>();
      meta.put("name", NAME);
      meta.put("namespace", namespace);
      meta.put("annotations", new LinkedHashMap<>(Map.of(DESCRIPTION_ANNOTATION, DESCRIPTION)));
      Map<String, @Nullable Object> cm = new LinkedHashMap<>();
      cm.put("apiVersion", "v1");
      cm.put("kind", "ConfigMap");
      cm.put("metadata", meta);
      cm.put("data", data());
      registry.create(configMaps, Unstructured.wrap(cm), false, WriteAdmission.NONE);
      return;
    }
    if (current(existing.get())) {
      return;
    }
    registry.update(configMaps, namespace, NAME, "", old -> {
      old.object().put("data", data());
      Map<String, @Nullable Object> meta = old.metadataForWrite();
      Map<String, @Nullable Object> annotations = meta.get("annotations") instanceof Map<?, ?> m
          ? new LinkedHashMap<>(castMap(m)) : new LinkedHashMap<>();
      annotations.put(DESCRIPTION_ANNOTATION, DESCRIPTION);
      meta.put("annotations", annotations);
      meta.remove("resourceVersion");
      return old;
    }, false, WriteAdmission.NONE);
  }

  private boolean current(Unstructured cm) {
    return data().equals(cm.object().get("data"))
        && !cm.annotations().getOrDefault(DESCRIPTION_ANNOTATION, "").isEmpty();
  }

  private Map<String, @Nullable Object> data() {
    Map<String, @Nullable Object> data = new LinkedHashMap<>();
    data.put("ca.crt", bundle);
    return data;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> castMap(Map<?, ?> m) {
    return (Map<String, @Nullable Object>) m;
  }
}

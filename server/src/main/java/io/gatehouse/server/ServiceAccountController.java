package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ensures the {@code default} ServiceAccount in every active namespace, as kube-controller-
 * manager's {@code serviceaccount-controller}: a namespace that is being deleted is skipped, a
 * deleted {@code default} is created again. It creates no token Secrets (KEP-2799). Thread-safe.
 */
final class ServiceAccountController {

  static final String DEFAULT = "default";
  private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountController.class);

  private final Registry registry;
  private final StoredResource namespaces;
  private final StoredResource serviceAccounts;

  ServiceAccountController(Registry registry, ResourceTable resources) {
    this.registry = registry;
    this.namespaces = StoredObjects.core(resources, "namespaces");
    this.serviceAccounts = StoredObjects.core(resources, "serviceaccounts");
  }

  /** The key prefixes whose changes call for a sync. */
  List<String> prefixes() {
    return List.of(namespaces.prefix(), serviceAccounts.prefix());
  }

  /** Creates the missing {@code default} service accounts. */
  void sync() {
    for (Unstructured ns : StoredObjects.list(registry, namespaces, "")) {
      boolean active = !ns.metadata().containsKey("deletionTimestamp")
          && !"Terminating".equals(ns.get("status", "phase").orElse("Active"));
      if (!active || registry.store().get(serviceAccounts.key(ns.name(), DEFAULT)).kv()
          .isPresent()) {
        continue;
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("name", DEFAULT);
      meta.put("namespace", ns.name());
      Map<String, Object> sa = new LinkedHashMap<>();
      sa.put("apiVersion", "v1");
      sa.put("kind", "ServiceAccount");
      sa.put("metadata", meta);
      try {
        registry.create(serviceAccounts, Unstructured.copyOf(sa), false, WriteAdmission.NONE);
        LOG.atDebug().setMessage("Created service account").addKeyValue("namespace", ns.name())
            .addKeyValue("name", DEFAULT).log();
      } catch (StatusException e) {
        LOG.atDebug().setMessage("Service account not created").addKeyValue("namespace", ns.name())
            .addKeyValue("reason", e.getMessage()).log();
      }
    }
  }
}

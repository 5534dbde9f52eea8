package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the namespaces every cluster has ({@code default}, {@code kube-system}, {@code
 * kube-public}, {@code kube-node-lease}) and finishes namespace deletion as upstream's namespace
 * controller does: once a namespace is Terminating, every object in it is deleted (objects with
 * finalizers get a deletionTimestamp and stay until their finalizers are removed), then the {@code
 * kubernetes} finalizer is removed from {@code spec.finalizers} and, with no finalizers left, the
 * namespace itself. Runs on one virtual thread, scanning every {@code interval}. Thread-safe.
 */
final class NamespaceController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NamespaceController.class);
  static final List<String> DEFAULTS = List.of("default", "kube-system", "kube-public",
      "kube-node-lease");

  private static final DeleteOptions BACKGROUND =
      DeleteOptions.propagating(DeleteOptions.BACKGROUND);

  private final Registry registry;
  private final ResourceTable resources;
  private final Duration interval;
  private volatile boolean stopped;
  private Thread thread;

  NamespaceController(Registry registry, ResourceTable resources, Duration interval) {
    this.registry = registry;
    this.resources = resources;
    this.interval = interval;
  }

  /** Creates the default namespaces that do not exist yet. */
  void createDefaults() {
    StoredResource ns = namespaces();
    for (String name : DEFAULTS) {
      if (registry.store().get(NamespaceLifecycle.key(name)).kv().isPresent()) {
        continue;
      }
      Map<String, Object> obj = new java.util.LinkedHashMap<>();
      obj.put("apiVersion", "v1");
      obj.put("kind", "Namespace");
      obj.put("metadata", new java.util.LinkedHashMap<>(Map.of("name", name)));
      try {
        registry.create(ns, Unstructured.copyOf(obj), false, WriteAdmission.NONE);
      } catch (StatusException e) {
        if (e.status().code() != 409) {
          throw e;
        }
      }
    }
  }

  void start() {
    thread = Thread.ofVirtual().name("gatehouse-namespace-controller").start(this::run);
  }

  private void run() {
    while (!stopped) {
      try {
        syncOnce();
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        LOG.atWarn().setMessage("Namespace sync failed").setCause(e).log();
      }
    }
  }

  /** Advances every terminating namespace once. */
  void syncOnce() {
    StoredResource ns = namespaces();
    ListResult list = registry.store().list(ns.prefix(), ListOptions.latest());
    if (!(list instanceof ListResult.Page page)) {
      return;
    }
    for (KeyValue kv : page.items()) {
      Unstructured namespace = ObjectBytes.read(kv);
      if (namespace.metadata().containsKey("deletionTimestamp")) {
        finish(ns, namespace);
      }
    }
  }

  private void finish(StoredResource nsResource, Unstructured namespace) {
    String name = namespace.name();
    int remaining = 0;
    for (StoredResource r : resources.all()) {
      if (!r.namespaced()) {
        continue;
      }
      ListResult list = registry.store().list(r.prefix(name), ListOptions.latest());
      if (!(list instanceof ListResult.Page page)) {
        continue;
      }
      for (KeyValue kv : page.items()) {
        remaining++;
        Unstructured obj = ObjectBytes.read(kv);
        if (obj.metadata().containsKey("deletionTimestamp")) {
          continue;
        }
        try {
          // Background, as upstream's namespace deleter: no orphan finalizer from a default
          registry.delete(r, name, obj.name(), BACKGROUND, WriteAdmission.NONE);
        } catch (StatusException e) {
          LOG.atDebug().setMessage("Namespace content delete failed").addKeyValue("namespace", name)
              .addKeyValue("object", obj.name()).addKeyValue("reason", e.getMessage()).log();
        }
      }
    }
    if (remaining > 0) {
      return;
    }
    try {
      registry.update(nsResource, "", name, "", obj -> {
        if (obj.get("spec", "finalizers").orElse(null) instanceof List<?> f) {
          List<Object> kept = new ArrayList<>(f);
          kept.remove("kubernetes");
          ResourceStrategy.child(obj.object(), "spec").put("finalizers", kept);
        }
        obj.metadataForWrite().remove("resourceVersion");
        return obj;
      }, false, WriteAdmission.NONE);
      Unstructured current = registry.get(nsResource, "", name);
      boolean specEmpty = !(current.get("spec", "finalizers").orElse(null) instanceof List<?> f)
          || f.isEmpty();
      if (specEmpty && Registry.finalizers(current).isEmpty()) {
        long rev = Long.parseLong((String) current.metadata().get("resourceVersion"));
        registry.store().delete(NamespaceLifecycle.key(name), rev);
        LOG.atInfo().setMessage("Namespace deleted").addKeyValue("namespace", name).log();
      }
    } catch (StatusException e) {
      LOG.atDebug().setMessage("Namespace finalize failed").addKeyValue("namespace", name)
          .addKeyValue("reason", e.getMessage()).log();
    }
  }

  private StoredResource namespaces() {
    return resources.resource(new io.gatehouse.api.GroupVersionResource("", "v1", "namespaces"))
        .orElseThrow();
  }

  @Override
  public void close() {
    stopped = true;
    if (thread != null) {
      thread.interrupt();
    }
  }
}

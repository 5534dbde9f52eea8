package io.gatehouse.server;

import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.server.crd.CrdConditions;
import io.gatehouse.server.crd.CrdDefinition;
import io.gatehouse.server.crd.CrdReader;
import io.gatehouse.server.crd.CrdStrategy;
import io.gatehouse.server.crd.ObjectRules;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import io.gatehouse.storage.Watch;
import io.gatehouse.storage.WatchEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the custom resources of the stored CRDs and runs apiextensions' CRD controllers: after
 * every change to the CRDs it rebuilds the {@link CustomResourceIndex} (the resource table and the
 * catalog listeners, i.e. discovery, see it at once), then, as the naming controller, accepts the
 * requested names that are free in the group ({@code NamesAccepted}); as the establishing
 * controller, marks CRDs with accepted names {@code Established}; as the API-approval controller,
 * records whether CRDs of protected groups carry the approval annotation; and as the finalizer, deletes
 * the objects of a CRD marked for deletion (directly in the registry, without admission, as
 * upstream goes to storage), records {@code Terminating} progress and removes the finalizer. The
 * watch runs on one virtual thread, finalizers on the given executor. Thread-safe.
 */
final class CrdController implements AutoCloseable {

  static final String PREFIX = "/registry/apiextensions.k8s.io/customresourcedefinitions/";
  private static final GroupVersionResource CRDS =
      new GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions");
  private static final Logger LOG = LoggerFactory.getLogger(CrdController.class);

  private final Registry registry;
  private final ResourceTable table;
  private final ResourceCatalog base;
  private final Clock clock;
  private final BiFunction<CrdDefinition, CrdDefinition.Version, ObjectRules> rules;
  private final Executor finalizers;
  private final List<Consumer<ResourceCatalog>> listeners = new CopyOnWriteArrayList<>();
  private final Set<String> finalizing = ConcurrentHashMap.newKeySet();
  /** Compiled rules by CRD uid, generation and version: status changes do not recompile. */
  private final java.util.Map<String, ObjectRules> compiled = new ConcurrentHashMap<>();
  private volatile CustomResourceIndex index;
  private volatile long revision;
  private Thread thread;

  /**
   * Builds the index of the stored CRDs at once.
   *
   * @param base the built-in catalog the custom resources are added to
   * @param rules the {@code x-kubernetes-validations} of a CRD version
   * @param finalizers runs the deletion of a CRD's objects
   */
  CrdController(Registry registry, ResourceTable table, ResourceCatalog base, Clock clock,
      BiFunction<CrdDefinition, CrdDefinition.Version, ObjectRules> rules, Executor finalizers) {
    this.registry = registry;
    this.table = table;
    this.base = base;
    this.clock = clock;
    this.rules = (crd, version) -> compiled.computeIfAbsent(ruleKey(crd, version),
        k -> rules.apply(crd, version));
    this.finalizers = finalizers;
    this.index = new CustomResourceIndex(base, List.of());
    refresh(list());
  }

  /** The catalog with the served custom resources. */
  ResourceCatalog catalog() {
    return index.catalog();
  }

  /** Calls {@code listener} with the catalog now and after every change. */
  void onCatalogChange(Consumer<ResourceCatalog> listener) {
    listeners.add(listener);
    listener.accept(catalog());
  }

  /** Starts watching the CRDs. */
  void start() {
    thread = Thread.ofVirtual().name("gatehouse-crd-controller").start(this::run);
  }

  /** Reads the CRDs, serves them and runs the controllers once. */
  void reconcile() {
    List<Unstructured> crds = list();
    refresh(crds);
    for (Unstructured crd : crds) {
      try {
        sync(crd);
      } catch (RuntimeException e) {
        LOG.atWarn().setMessage("CustomResourceDefinition sync failed")
            .addKeyValue("name", crd.name()).setCause(e).log();
      }
    }
  }

  private List<Unstructured> list() {
    List<Unstructured> out = new ArrayList<>();
    ListResult r = registry.store().list(PREFIX, ListOptions.latest());
    if (r instanceof ListResult.Page page) {
      for (KeyValue kv : page.items()) {
        out.add(ObjectBytes.read(kv));
      }
    }
    revision = r.revision();
    return out;
  }

  private synchronized void refresh(List<Unstructured> crds) {
    CustomResourceIndex next = CustomResourceIndex.of(base, crds, rules);
    Set<String> live = new java.util.HashSet<>();
    for (StoredResource r : next.resources()) {
      if (r.behavior() instanceof CustomResourceBehavior b) {
        b.definition().versions().forEach(v -> live.add(ruleKey(b.definition(), v)));
      }
    }
    compiled.keySet().retainAll(live);
    table.setCustomResources(next.resources());
    index = next;
    for (Consumer<ResourceCatalog> l : listeners) {
      l.accept(next.catalog());
    }
  }

  private static String ruleKey(CrdDefinition crd, CrdDefinition.Version version) {
    return crd.metadata().get("uid") + "/" + crd.metadata().get("generation") + "/"
        + version.name();
  }

  private void sync(Unstructured stored) {
    CrdDefinition crd = CrdReader.read(stored.object());
    if (stored.metadata().containsKey("deletionTimestamp")) {
      if (Registry.finalizers(stored).contains(CrdStrategy.CLEANUP_FINALIZER)
          && finalizing.add(crd.name())) {
        finalizers.execute(() -> {
          try {
            new CrdFinalizer(registry, table, clock).finalize(crd);
          } finally {
            finalizing.remove(crd.name());
          }
        });
      }
      return;
    }
    if (!crd.names().equals(crd.status().acceptedNames())) {
      List<CrdDefinition> all = new ArrayList<>();
      for (Unstructured u : list()) {
        all.add(CrdReader.read(u.object()));
      }
      CrdConditions.Naming naming = CrdConditions.naming(crd, all);
      boolean same = CrdConditions.namesJson(crd.status().acceptedNames())
          .equals(naming.acceptedNames())
          && CrdConditions.equivalent(naming.namesAccepted(), crd.status().conditions());
      if (!same) {
        updateStatus(crd.name(), u -> {
          ResourceStrategy.child(u.object(), "status").put("acceptedNames",
              naming.acceptedNames());
          CrdConditions.set(u.object(), naming.namesAccepted(), now());
          CrdConditions.set(u.object(), naming.established(), now());
        });
        return;
      }
    }
    if (crd.conditionTrue("NamesAccepted") && !crd.conditionTrue("Established")) {
      updateStatus(crd.name(), u -> CrdConditions.set(u.object(), CrdConditions.ESTABLISHED,
          now()));
      return;
    }
    CrdConditions.Condition approval = CrdConditions.approval(crd);
    if (approval != null && !CrdConditions.equivalent(approval, crd.status().conditions())) {
      updateStatus(crd.name(), u -> CrdConditions.set(u.object(), approval, now()));
    }
  }

  private void updateStatus(String name, Consumer<Unstructured> change) {
    StoredResource r = table.resource(CRDS).orElseThrow();
    registry.update(r, "", name, "status", u -> {
      u.metadataForWrite().remove("resourceVersion");
      change.accept(u);
      return u;
    }, false, WriteAdmission.NONE);
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try (Watch watch = registry.store().watch(PREFIX, revision)) {
        while (true) {
          WatchEvent e = watch.next();
          if (e instanceof WatchEvent.Terminal) {
            break;
          }
          if (e instanceof WatchEvent.Change) {
            while (watch.poll(Duration.ZERO).orElse(null) instanceof WatchEvent.Change) {
              // coalesce a burst of changes into one reconcile
            }
            reconcile();
          }
        }
        reconcile();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        LOG.atWarn().setMessage("CRD controller watch failed").setCause(e).log();
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
    }
  }
}

package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What kube-controller-manager's garbage collector does to one object, against the registry (as
 * the controller would through the API, without admission): {@code attemptToDeleteItem} (delete a
 * dependent none of whose owners exists any more, drop references to owners that are gone, and
 * finish the foreground deletion of an owner once no dependent blocks it) and {@code
 * attemptToOrphan} (remove an owner from its dependents' references, then its {@code orphan}
 * finalizer). An owner exists when an object of the referenced kind, with the referenced name, in
 * the dependent's namespace (or cluster-wide, for cluster-scoped kinds), has the referenced uid;
 * deletes carry the dependent's uid and resourceVersion as preconditions, so nothing but the object
 * that was judged is ever deleted. Not thread-safe: confined to the collector's thread.
 */
final class GarbageCollectorWorker {

  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollectorWorker.class);

  /** A unit of work, identified by the storage key and uid of the object it is about. */
  sealed interface Task {
    String key();

    String uid();
  }

  /** Collect the object if its owners are gone; for an owner in foreground deletion, finish it. */
  record AttemptToDelete(String key, String uid) implements Task {}

  /** Orphan the dependents of an owner deleted with the {@code orphan} finalizer. */
  record Orphan(String key, String uid) implements Task {}

  /** How a task ended. */
  enum Outcome {
    /** Nothing more to do. */
    DONE,
    /** Run again at once (a concurrent write got in the way). */
    REQUEUE,
    /** Run again after a backoff (something is not resolvable yet). */
    RETRY
  }

  /** The three kinds of owner reference {@code classifyReferences} distinguishes. */
  private record Classified(List<OwnerReference> solid, List<OwnerReference> dangling,
      List<OwnerReference> waiting) {}

  /** An owner reference that cannot be resolved now. */
  private static final class Unresolvable extends RuntimeException {
    Unresolvable(String message) {
      super(message, null, false, false);
    }
  }

  private final Registry registry;
  private final ResourceTable table;
  private final DependencyGraph graph;
  private final Consumer<Task> enqueue;

  GarbageCollectorWorker(Registry registry, ResourceTable table, DependencyGraph graph,
      Consumer<Task> enqueue) {
    this.registry = registry;
    this.table = table;
    this.graph = graph;
    this.enqueue = enqueue;
  }

  /** Runs {@code task}; a status error other than 404 and 409 propagates. */
  Outcome run(Task task) {
    try {
      return switch (task) {
        case AttemptToDelete a -> attemptToDelete(a);
        case Orphan o -> orphan(o);
      };
    } catch (Unresolvable e) {
      LOG.atDebug().setMessage("Garbage collection postponed").addKeyValue("key", task.key())
          .addKeyValue("reason", e.getMessage()).log();
      return Outcome.RETRY;
    } catch (StatusException e) {
      return switch (e.status().code()) {
        case 404 -> Outcome.DONE;
        case 409 -> Outcome.REQUEUE;
        default -> throw e;
      };
    }
  }

  private Outcome attemptToDelete(AttemptToDelete task) {
    Optional<Unstructured> latest = read(task.key(), task.uid());
    if (latest.isEmpty()) {
      return Outcome.DONE;
    }
    Unstructured item = latest.get();
    StoredResource r = resource(task.key(), item);
    boolean deleting = item.metadata().containsKey("deletionTimestamp");
    boolean foreground = Registry.finalizers(item)
        .contains(DeletionPropagation.FOREGROUND_FINALIZER);
    if (deleting) {
      return foreground ? processDeletingDependents(r, item) : Outcome.DONE;
    }
    List<OwnerReference> refs = OwnerReference.of(item);
    if (refs.isEmpty()) {
      return Outcome.DONE;
    }
    Optional<Classified> classified = classify(r, item, refs);
    if (classified.isEmpty()) {
      return Outcome.DONE;
    }
    Classified c = classified.get();
    if (!c.solid().isEmpty()) {
      if (c.dangling().isEmpty() && c.waiting().isEmpty()) {
        return Outcome.DONE;
      }
      List<String> gone = new ArrayList<>(uids(c.dangling()));
      gone.addAll(uids(c.waiting()));
      update(r, item, u -> {
        OwnerReference.remove(u, gone);
        return u;
      });
      return Outcome.DONE;
    }
    if (!c.waiting().isEmpty() && !graph.dependents(item.uid()).isEmpty()) {
      boolean cycle = graph.dependents(item.uid()).stream()
          .anyMatch(dep -> graph.node(dep).map(DependencyGraph.Node::deletingDependents)
              .orElse(false));
      Unstructured target = item;
      if (cycle) {
        // a dependent of this item waits for it while its owner waits for this item
        target = update(r, item, u -> {
          OwnerReference.unblock(u);
          return u;
        });
      }
      return delete(r, target, DeleteOptions.FOREGROUND);
    }
    List<String> finalizers = Registry.finalizers(item);
    String policy = finalizers.contains(DeletionPropagation.ORPHAN_FINALIZER)
        ? DeleteOptions.ORPHAN
        : finalizers.contains(DeletionPropagation.FOREGROUND_FINALIZER)
            ? DeleteOptions.FOREGROUND : DeleteOptions.BACKGROUND;
    return delete(r, item, policy);
  }

  /** An owner waiting for its dependents: done once none of them blocks it any more. */
  private Outcome processDeletingDependents(StoredResource r, Unstructured owner) {
    List<String> blocking = new ArrayList<>();
    for (String dep : graph.dependents(owner.uid())) {
      if (graph.blocks(dep, owner.uid())) {
        blocking.add(dep);
      }
    }
    if (blocking.isEmpty()) {
      removeFinalizer(r, owner, DeletionPropagation.FOREGROUND_FINALIZER);
      return Outcome.DONE;
    }
    for (String dep : blocking) {
      graph.node(dep).filter(n -> !n.deletingDependents())
          .ifPresent(n -> enqueue.accept(new AttemptToDelete(n.key(), n.uid())));
    }
    return Outcome.DONE;
  }

  private Outcome orphan(Orphan task) {
    Optional<Unstructured> latest = read(task.key(), task.uid());
    if (latest.isEmpty() || !latest.get().metadata().containsKey("deletionTimestamp")
        || !Registry.finalizers(latest.get()).contains(DeletionPropagation.ORPHAN_FINALIZER)) {
      return Outcome.DONE;
    }
    Unstructured owner = latest.get();
    for (String dep : graph.dependents(owner.uid())) {
      Optional<DependencyGraph.Node> node = graph.node(dep);
      Optional<Unstructured> dependent = node.flatMap(n -> read(n.key(), n.uid()));
      if (dependent.isEmpty()) {
        continue;
      }
      try {
        update(resource(dep, dependent.get()), dependent.get(), u -> {
          OwnerReference.remove(u, Set.of(owner.uid()));
          return u;
        });
      } catch (StatusException e) {
        if (e.status().code() != 404) {
          throw e;
        }
      }
    }
    removeFinalizer(resource(task.key(), owner), owner, DeletionPropagation.ORPHAN_FINALIZER);
    return Outcome.DONE;
  }

  /**
   * Sorts {@code refs} as {@code classifyReferences}; empty when the item is cluster-scoped but
   * refers to a namespaced owner kind, which retrying cannot fix (upstream forgets the item).
   *
   * @throws Unresolvable when an owner's kind is not served
   */
  private Optional<Classified> classify(StoredResource r, Unstructured item,
      List<OwnerReference> refs) {
    List<OwnerReference> solid = new ArrayList<>();
    List<OwnerReference> dangling = new ArrayList<>();
    List<OwnerReference> waiting = new ArrayList<>();
    for (OwnerReference ref : refs) {
      StoredResource owners = table.forKind(ref.groupVersionKind()).orElseThrow(() ->
          new Unresolvable("unable to resolve " + ref.apiVersion() + ", Kind=" + ref.kind()));
      if (owners.namespaced() && !r.namespaced()) {
        LOG.atDebug().setMessage("Cluster-scoped object refers to a namespaced owner")
            .addKeyValue("item", item.name()).addKeyValue("owner", ref).log();
        return Optional.empty();
      }
      String ns = owners.namespaced() ? item.namespace() : "";
      Optional<Unstructured> owner = registry.store().get(owners.key(ns, ref.name())).kv()
          .map(ObjectBytes::read).filter(o -> o.uid().equals(ref.uid()));
      if (owner.isEmpty()) {
        dangling.add(ref);
      } else if (owner.get().metadata().containsKey("deletionTimestamp")
          && Registry.finalizers(owner.get()).contains(DeletionPropagation.FOREGROUND_FINALIZER)) {
        waiting.add(ref);
      } else {
        solid.add(ref);
      }
    }
    return Optional.of(new Classified(solid, dangling, waiting));
  }

  private Outcome delete(StoredResource r, Unstructured item, String policy) {
    String rv = item.metadata().get("resourceVersion") instanceof String s ? s : "";
    LOG.atDebug().setMessage("Deleting item").addKeyValue("key", r.key(item.namespace(),
        item.name())).addKeyValue("propagationPolicy", policy).log();
    registry.delete(r, item.namespace(), item.name(),
        new DeleteOptions(item.uid(), rv, false, policy), WriteAdmission.NONE);
    return Outcome.DONE;
  }

  private void removeFinalizer(StoredResource r, Unstructured item, String finalizer) {
    update(r, item, u -> {
      List<String> finalizers = Registry.finalizers(u);
      if (finalizers.remove(finalizer)) {
        if (finalizers.isEmpty()) {
          u.metadataForWrite().remove("finalizers");
        } else {
          u.metadataForWrite().put("finalizers", new ArrayList<Object>(finalizers));
        }
      }
      return u;
    });
  }

  /**
   * An unconditional update of {@code item}, which must still have its uid (409 otherwise);
   * returns the object as stored.
   */
  private Unstructured update(StoredResource r, Unstructured item,
      UnaryOperator<Unstructured> change) {
    return registry.update(r, item.namespace(), item.name(), "", u -> {
      u.metadataForWrite().remove("resourceVersion");
      u.metadataForWrite().put("uid", item.uid());
      return change.apply(u);
    }, false, WriteAdmission.NONE).object();
  }

  /** The object at {@code key} if it still has {@code uid} (any uid when empty). */
  private Optional<Unstructured> read(String key, String uid) {
    Optional<KeyValue> kv = registry.store().get(key).kv();
    return kv.map(ObjectBytes::read).filter(o -> uid.isEmpty() || o.uid().equals(uid));
  }

  /**
   * The resource the object stored at {@code key} belongs to: the one serving its stored kind, or
   * else the one whose key prefix it has (a custom resource whose storage version is not served).
   */
  private StoredResource resource(String key, Unstructured obj) {
    Optional<StoredResource> byKind = table.forKind(obj.groupVersionKind());
    if (byKind.isPresent()) {
      return byKind.get();
    }
    @Nullable StoredResource best = null;
    for (StoredResource r : table.all()) {
      if (key.startsWith(r.prefix())
          && (best == null || r.prefix().length() > best.prefix().length())) {
        best = r;
      }
    }
    if (best == null) {
      throw new Unresolvable("no served resource for " + obj.apiVersion() + ", Kind="
          + obj.kind());
    }
    return best;
  }

  private static List<String> uids(List<OwnerReference> refs) {
    return refs.stream().map(OwnerReference::uid).toList();
  }
}

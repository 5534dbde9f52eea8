package io.gatehouse.server;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.defaults.Defaulter;
import io.gatehouse.storage.CreateResult;
import io.gatehouse.storage.DeleteResult;
import io.gatehouse.storage.GetResult;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.UpdateResult;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The generic registry over the key-value store (upstream's {@code registry.Store}): create,
 * guaranteed update, delete with preconditions and finalizers, each running the resource's {@link
 * ResourceStrategy} after the mutating admission phase and before the validating one (both
 * {@link WriteAdmission} callbacks), then the conditional store write. A create checks the
 * namespace ({@code NamespaceLifecycle}) before admission, as that plugin runs first upstream.
 * {@code dryRun} runs everything but the write. Reads and lists are in {@link RegistryReader}.
 * Objects are defaulted as kube-apiserver does ({@link Defaulter}): every create and update body
 * (after a patch is applied) before the strategy and admission see it, and every object read from
 * the store (upstream defaults on decoding from etcd), so objects stored before a default existed
 * are served with it. A resource's {@link StoreHooks} (Services: IP families, cluster IPs and node
 * ports) reserve what a create or update needs before validating admission and are told whether
 * the write happened; they free what a deleted object held. Thread-safe.
 */
final class Registry {

  /** How many times an unconditional update or a patch is retried on a concurrent write. */
  private static final int MAX_RETRIES = 10;
  private static final int GENERATE_NAME_ATTEMPTS = 8;
  private static final Defaulter DEFAULTER = Defaulter.kubernetes133();
  private static final FieldOrder ORDER = FieldOrder.kubernetes133();

  private final KeyValueStore store;
  private final Clock clock;
  private final NamespaceCheck namespaces;
  private final UnaryOperator<String> names;
  private final Map<GroupResource, StoreHooks> hooks = new ConcurrentHashMap<>(
      Map.of(ResourceStrategy.SERVICES, ServiceIpFamilies.HOOKS));

  /** Whether a namespace accepts new objects; throws the upstream error when it does not. */
  @FunctionalInterface
  interface NamespaceCheck {
    void requireWritable(StoredResource r, String namespace, String name);
  }

  Registry(KeyValueStore store, Clock clock, NamespaceCheck namespaces) {
    this(store, clock, namespaces, NameGenerator::generate);
  }

  /** @param names turns a {@code generateName} base into a candidate name */
  Registry(KeyValueStore store, Clock clock, NamespaceCheck namespaces,
      UnaryOperator<String> names) {
    this.store = store;
    this.clock = clock;
    this.namespaces = namespaces;
    this.names = names;
  }

  KeyValueStore store() {
    return store;
  }

  /** Gives the built-in resource {@code gr} its {@link StoreHooks} (replacing any it had). */
  void setHooks(GroupResource gr, StoreHooks h) {
    hooks.put(gr, h);
  }

  private StoreHooks hooks(StoredResource r) {
    return r.behavior() == null ? hooks.getOrDefault(r.groupResource(), StoreHooks.NONE)
        : StoreHooks.NONE;
  }

  /** The clock of server-set times. */
  Clock clock() {
    return clock;
  }

  /**
   * The outcome of a write: the object as stored (or as it would be, for dry runs).
   *
   * @param json {@code object} encoded, when the write produced it on the way (a create), or null
   */
  record Written(Unstructured object, List<String> warnings, byte @Nullable [] json) {

    Written(Unstructured object, List<String> warnings) {
      this(object, warnings, null);
    }
  }

  /** Reads {@code namespace/name}, relabelled to the served version. */
  Unstructured get(StoredResource r, String namespace, String name) {
    GetResult g = store.get(r.key(namespace, name));
    KeyValue kv = g.kv().orElseThrow(() -> ApiErrors.notFound(r.groupResource(), name));
    return served(r, ObjectBytes.read(kv));
  }

  /**
   * Creates {@code obj} (already checked against the URL: kind, namespace). A name generated from
   * {@code generateName} that already exists is replaced by a fresh one and the whole create
   * (validation, admission) run again, {@value #GENERATE_NAME_ATTEMPTS} attempts in all, as
   * upstream does since RetryGenerateName (GA in 1.32); then 409 with upstream's
   * generate-name-conflict message.
   */
  Written create(StoredResource r, Unstructured obj, boolean dryRun, WriteAdmission admission) {
    if (!obj.name().isEmpty() || obj.generateName().isEmpty()) {
      return createOnce(r, obj, dryRun, admission);
    }
    String lastName = "";
    for (int attempt = 0; attempt < GENERATE_NAME_ATTEMPTS; attempt++) {
      Unstructured candidate = obj.deepCopy();
      try {
        return createOnce(r, candidate, dryRun, admission);
      } catch (GeneratedNameTaken taken) {
        lastName = taken.name;
      }
    }
    throw ApiErrors.generateNameConflict(r.groupResource(), lastName);
  }

  /** A generated name that was already taken (internal: turned into a retry or a 409). */
  private static final class GeneratedNameTaken extends RuntimeException {
    private final String name;

    GeneratedNameTaken(String name) {
      super(name, null, false, false);
      this.name = name;
    }
  }

  private Written createOnce(StoredResource r, Unstructured obj, boolean dryRun,
      WriteAdmission admission) {
    DEFAULTER.apply(r.kind(), obj.object());
    Map<String, @Nullable Object> meta = obj.metadataForWrite();
    boolean generated = obj.name().isEmpty() && !obj.generateName().isEmpty();
    if (meta.get("resourceVersion") instanceof String rv && !rv.isEmpty()) {
      throw StatusException.badRequest("resourceVersion should not be set on objects to be created");
    }
    String namespace = obj.namespace();
    if (r.namespaced()) {
      namespaces.requireWritable(r, namespace, obj.name().isEmpty() ? obj.generateName()
          : obj.name());
    }
    List<String> mutationWarnings = admission.admit(new WriteRequest(r, "", "CREATE", namespace,
        obj.name(), obj, null, dryRun));
    if (obj.name().isEmpty() && !obj.generateName().isEmpty()) {
      meta.put("name", names.apply(obj.generateName()));
    }
    ResourceBehavior behavior = r.behavior();
    if (behavior == null) {
      ObjectValidation.validateCreate(r, obj);
    }
    meta.put("uid", RandomUids.next());
    meta.put("creationTimestamp", now());
    meta.remove("deletionTimestamp");
    meta.remove("deletionGracePeriodSeconds");
    meta.remove("selfLink");
    if (ResourceStrategy.tracksGeneration(r) || behavior != null) {
      meta.put("generation", 1L);
    } else {
      meta.remove("generation");
    }
    ResourceStrategy.prepareForCreate(r, obj);
    List<String> strategyWarnings = List.of();
    if (behavior != null) {
      behavior.prepareForCreate(obj);
      strategyWarnings = behavior.validateCreate(obj);
    }
    StoreHooks.Finish finish = hooks(r).beginCreate(obj, dryRun);
    boolean success = false;
    try {
      List<String> warnings = concat(concat(mutationWarnings, strategyWarnings),
          admission.validate(new WriteRequest(r, "", "CREATE", namespace, obj.name(), obj, null,
              dryRun)));
      stored(r, obj);
      if (dryRun) {
        success = true;
        return new Written(served(r, obj), warnings);
      }
      GoJson.Slotted encoded = ObjectBytes.writeSlotted(obj);
      @Nullable String resourceVersion = null;
      try {
        CreateResult result = store.create(r.key(namespace, obj.name()), encoded.bytes());
        return switch (result) {
          case CreateResult.Created c -> {
            resourceVersion = Long.toString(c.kv().modRevision());
            ObjectBytes.settle(obj, resourceVersion);
            success = true;
            yield servedAsStored(r, obj)
                ? new Written(obj, warnings, encoded.fill(resourceVersion))
                : new Written(served(r, obj), warnings);
          }
          case CreateResult.KeyExists e -> throw generated
              ? new GeneratedNameTaken(obj.name())
              : ApiErrors.alreadyExists(r.groupResource(), obj.name());
        };
      } finally {
        if (resourceVersion == null) {
          ObjectBytes.settle(obj, null);
        }
      }
    } finally {
      finish.finish(success);
    }
  }

  /**
   * Whether {@link #served} would leave {@code obj}, just stored, as it is: a resource without
   * behaviour of its own, served at its storage version, of a kind without defaults, whose {@code
   * apiVersion} and {@code kind} are already the served ones. Its stored encoding is then what
   * the client gets.
   */
  private static boolean servedAsStored(StoredResource r, Unstructured obj) {
    return r.behavior() == null && r.kind().equals(r.storageKind())
        && !DEFAULTER.handles(r.storageKind())
        && r.kind().apiVersion().equals(obj.object().get("apiVersion"))
        && r.kind().kind().equals(obj.object().get("kind"));
  }

  /**
   * Updates {@code namespace/name}: {@code update} turns (a copy of) the stored object into the
   * new one, and is called again after a concurrent write when the new object carries no {@code
   * resourceVersion}; one that does must match the stored one (409 otherwise).
   *
   * @param subresource {@code ""} (the main resource: status is kept) or {@code status} (only
   *     status changes)
   */
  Written update(StoredResource r, String namespace, String name, String subresource,
      UnaryOperator<Unstructured> update, boolean dryRun, WriteAdmission admission) {
    for (int attempt = 0; ; attempt++) {
      KeyValue current = store.get(r.key(namespace, name)).kv()
          .orElseThrow(() -> ApiErrors.notFound(r.groupResource(), name));
      Unstructured old = served(r, ObjectBytes.read(current));
      Unstructured updated = update.apply(old.deepCopy());
      DEFAULTER.apply(r.kind(), updated.object());
      String requestNamespace = ResourceStrategy.isNamespaces(r) ? name : namespace;
      List<String> mutationWarnings = admission.admit(new WriteRequest(r, subresource, "UPDATE",
          requestNamespace, name, updated, old, dryRun));
      String rv = updated.metadata().get("resourceVersion") instanceof String s ? s : "";
      if (!rv.isEmpty() && !rv.equals(Long.toString(current.modRevision()))) {
        throw ApiErrors.modified(r.groupResource(), name);
      }
      prepareForUpdate(r, subresource, updated, old);
      StoreHooks.Finish finish = subresource.isEmpty()
          ? hooks(r).beginUpdate(updated, old, dryRun) : StoreHooks.Finish.NOTHING;
      boolean success = false;
      try {
        List<String> strategyWarnings = List.of();
        if (r.behavior() == null) {
          ObjectValidation.validateUpdate(r, updated, old);
        } else {
          strategyWarnings = r.behavior().validateUpdate(subresource, updated, old);
        }
        List<String> warnings = concat(concat(mutationWarnings, strategyWarnings),
            admission.validate(new WriteRequest(r, subresource, "UPDATE", requestNamespace, name,
                updated, old, dryRun)));
        updated.metadataForWrite().put("resourceVersion", Long.toString(current.modRevision()));
        if (updated.equals(old)) {
          success = true;
          return new Written(old, warnings);
        }
        if (dryRun) {
          success = true;
          ORDER.order(updated);
          return new Written(updated, warnings);
        }
        stored(r, updated);
        boolean finished = updated.metadata().containsKey("deletionTimestamp")
            && finalizers(updated).isEmpty() && !ResourceStrategy.isNamespaces(r);
        if (finished) {
          DeleteResult d = store.delete(r.key(namespace, name), current.modRevision());
          if (d instanceof DeleteResult.Deleted) {
            success = true;
            hooks(r).afterDelete(updated, false);
            return new Written(served(r, updated), warnings);
          }
        } else {
          UpdateResult u = store.update(r.key(namespace, name), current.modRevision(),
              ObjectBytes.write(updated));
          if (u instanceof UpdateResult.Updated ok) {
            updated.metadataForWrite().put("resourceVersion",
                Long.toString(ok.kv().modRevision()));
            success = true;
            return new Written(served(r, updated), warnings);
          }
          if (u instanceof UpdateResult.NotFound) {
            throw ApiErrors.notFound(r.groupResource(), name);
          }
        }
      } finally {
        finish.finish(success);
      }
      if (!rv.isEmpty() || attempt >= MAX_RETRIES) {
        throw ApiErrors.modified(r.groupResource(), name);
      }
    }
  }

  private void prepareForUpdate(StoredResource r, String subresource, Unstructured updated,
      Unstructured old) {
    Map<String, @Nullable Object> meta = updated.metadataForWrite();
    Map<String, @Nullable Object> oldMeta = old.metadata();
    if (meta.get("uid") instanceof String uid && !uid.isEmpty() && !uid.equals(old.uid())) {
      throw ApiErrors.conflict(r.groupResource(), old.name(), "Precondition failed: UID in "
          + "precondition: " + uid + ", UID in object meta: " + old.uid());
    }
    for (String k : List.of("uid", "generation")) {
      if (oldMeta.containsKey(k)) {
        meta.put(k, oldMeta.get(k));
      } else {
        meta.remove(k);
      }
    }
    // BeforeUpdate: a change to creationTimestamp is ignored; a deletionTimestamp, once set, and
    // deletionGracePeriodSeconds, when the update leaves it out, are kept. Anything else the update
    // does to them (setting a deletionTimestamp, changing the grace period) is for validation to
    // reject as immutable.
    if (oldMeta.get("creationTimestamp") instanceof String created && !created.isEmpty()) {
      meta.put("creationTimestamp", created);
    }
    if (oldMeta.get("deletionTimestamp") != null) {
      meta.put("deletionTimestamp", oldMeta.get("deletionTimestamp"));
    }
    if (oldMeta.get("deletionGracePeriodSeconds") != null
        && meta.get("deletionGracePeriodSeconds") == null) {
      meta.put("deletionGracePeriodSeconds", oldMeta.get("deletionGracePeriodSeconds"));
    }
    meta.remove("selfLink");
    if (old.metadata().containsKey("namespace")) {
      meta.put("namespace", old.namespace());
    }
    Map<String, @Nullable Object> o = updated.object();
    if (subresource.equals("status")) {
      Object status = o.get("status");
      Map<String, @Nullable Object> copy = old.deepCopy().object();
      copy.put("metadata", oldMetaForStatus(old, meta));
      if (status == null) {
        copy.remove("status");
      } else {
        copy.put("status", status);
      }
      o.clear();
      o.putAll(copy);
    } else if (r.behavior() != null) {
      r.behavior().prepareForUpdate(updated, old);
      ResourceStrategy.enforceNamespaceLabel(r, updated);
      return;
    } else if (r.hasSubresource("status")) {
      if (old.object().containsKey("status")) {
        o.put("status", old.deepCopy().object().get("status"));
      } else {
        o.remove("status");
      }
    }
    if (ResourceStrategy.tracksGeneration(r) && !ResourceStrategy.specEqual(updated, old)
        && !subresource.equals("status")) {
      meta.put("generation", generation(old) + 1);
    }
    ResourceStrategy.enforceNamespaceLabel(r, updated);
  }

  /**
   * A status update keeps the stored metadata, except what the request may change there: its
   * resourceVersion precondition and the managed fields the field manager recorded.
   */
  private static Map<String, @Nullable Object> oldMetaForStatus(Unstructured old,
      Map<String, @Nullable Object> requested) {
    Map<String, @Nullable Object> meta = old.deepCopy().metadataForWrite();
    if (requested.containsKey("resourceVersion")) {
      meta.put("resourceVersion", requested.get("resourceVersion"));
    }
    if (requested.containsKey("managedFields")) {
      meta.put("managedFields", requested.get("managedFields"));
    } else {
      meta.remove("managedFields");
    }
    return meta;
  }

  /** The result of a delete. */
  record Deleted(Unstructured object, boolean immediately, List<String> warnings) {}

  /**
   * Deletes {@code namespace/name} with upstream's preconditions and finalizer handling: the
   * garbage-collection finalizers the options ask for are set first ({@link
   * DeletionPropagation}); an object left with finalizers is only marked as deleting ({@code
   * deletionTimestamp}), one without is removed at once.
   */
  Deleted delete(StoredResource r, String namespace, String name, DeleteOptions options,
      WriteAdmission admission) {
    for (int attempt = 0; ; attempt++) {
      KeyValue current = store.get(r.key(namespace, name)).kv()
          .orElseThrow(() -> ApiErrors.notFound(r.groupResource(), name));
      Unstructured old = served(r, ObjectBytes.read(current));
      options.checkPreconditions(r.kind(), old);
      String requestNamespace = ResourceStrategy.isNamespaces(r) ? name : namespace;
      List<String> warnings = admission.validate(new WriteRequest(r, "", "DELETE",
          requestNamespace, name, null, old, options.dryRun()));
      boolean deleting = old.metadata().containsKey("deletionTimestamp");
      Unstructured custom = r.behavior() == null || deleting
          ? null : r.behavior().markForDeletion(old.deepCopy(), now());
      Unstructured marked;
      if (custom != null) {
        marked = custom;
      } else if (ResourceStrategy.isNamespaces(r)) {
        if (deleting) {
          return new Deleted(old, false, warnings);
        }
        marked = markAsDeleting(old, DeletionPropagation.namespaceFinalizers(finalizers(old),
            options));
        ResourceStrategy.child(marked.object(), "status").put("phase", "Terminating");
      } else {
        List<String> next = DeletionPropagation.finalizers(r, finalizers(old), options)
            .orElse(finalizers(old));
        marked = next.isEmpty() ? null : markAsDeleting(old, next);
      }
      if (marked != null) {
        if (marked.equals(old)) {
          return new Deleted(old, false, warnings);
        }
        if (options.dryRun()) {
          ORDER.order(marked);
          return new Deleted(marked, false, warnings);
        }
        stored(r, marked);
        UpdateResult u = store.update(r.key(namespace, name), current.modRevision(),
            ObjectBytes.write(marked));
        if (u instanceof UpdateResult.Updated ok) {
          marked.metadataForWrite().put("resourceVersion", Long.toString(ok.kv().modRevision()));
          return new Deleted(served(r, marked), false, warnings);
        }
      } else {
        if (options.dryRun()) {
          return new Deleted(old, true, warnings);
        }
        DeleteResult d = store.delete(r.key(namespace, name), current.modRevision());
        if (d instanceof DeleteResult.Deleted) {
          hooks(r).afterDelete(old, false);
          return new Deleted(old, true, warnings);
        }
        if (d instanceof DeleteResult.NotFound) {
          throw ApiErrors.notFound(r.groupResource(), name);
        }
      }
      if (attempt >= MAX_RETRIES) {
        throw ApiErrors.modified(r.groupResource(), name);
      }
    }
  }

  /**
   * Upstream's {@code markAsDeleting}: a copy of {@code old} with {@code finalizers}, a {@code
   * deletionTimestamp} (kept when already set), {@code deletionGracePeriodSeconds} 0 and, on the
   * first deletion, the generation bumped.
   */
  private Unstructured markAsDeleting(Unstructured old, List<String> finalizers) {
    Unstructured marked = old.deepCopy();
    Map<String, @Nullable Object> meta = marked.metadataForWrite();
    if (!finalizers.equals(finalizers(old))) {
      meta.put("finalizers", new ArrayList<Object>(finalizers));
    }
    if (!meta.containsKey("deletionTimestamp")) {
      if (meta.get("generation") instanceof Long g && g > 0) {
        meta.put("generation", g + 1);
      }
      meta.put("deletionTimestamp", now());
    }
    meta.put("deletionGracePeriodSeconds", 0L);
    return marked;
  }

  /** Upstream's delete response when the object itself is not returned. */
  static Map<String, Object> deleteStatus(GroupResource gr, Unstructured deleted) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("kind", "Status");
    m.put("apiVersion", "v1");
    m.put("metadata", Map.of());
    m.put("status", "Success");
    Map<String, Object> d = new java.util.LinkedHashMap<>();
    d.put("name", deleted.name());
    if (!gr.group().isEmpty()) {
      d.put("group", gr.group());
    }
    d.put("kind", gr.resource());
    d.put("uid", deleted.uid());
    m.put("details", d);
    return m;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    if (a.isEmpty()) {
      return b;
    }
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static List<String> finalizers(Unstructured obj) {
    List<String> out = new ArrayList<>();
    if (obj.metadata().get("finalizers") instanceof List<?> l) {
      l.forEach(f -> out.add(String.valueOf(f)));
    }
    return out;
  }

  private static long generation(Unstructured obj) {
    return obj.metadata().get("generation") instanceof Long g ? g : 0L;
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /**
   * Defaults a request's object as decoding does upstream, before the field manager and the
   * registry see it ({@code r}'s served version).
   */
  static Unstructured defaulted(StoredResource r, Unstructured obj) {
    DEFAULTER.apply(r.kind(), obj.object());
    return obj;
  }

  /**
   * Relabels a stored object to the version {@code r} is served at, after the resource's own
   * decoding of stored objects and the API defaulting of built-in kinds. Stored objects are in
   * upstream's field order already ({@link #stored}); one served at another version than it is
   * stored at is put in that version's order.
   */
  static Unstructured served(StoredResource r, Unstructured obj) {
    if (r.behavior() != null) {
      r.behavior().read(obj);
    }
    DEFAULTER.apply(r.storageKind(), obj.object());
    obj.object().put("apiVersion", r.kind().apiVersion());
    obj.object().put("kind", r.kind().kind());
    if (!r.kind().equals(r.storageKind())) {
      ORDER.order(obj);
    }
    return obj;
  }

  /** Relabels to the storage version and puts the object in upstream's field order. */
  private static void stored(StoredResource r, Unstructured obj) {
    if (!Objects.equals(obj.apiVersion(), r.storageKind().apiVersion())) {
      obj.object().put("apiVersion", r.storageKind().apiVersion());
    }
    ORDER.order(obj);
  }

  static Status.Cause cause(String reason, String message, String field) {
    return new Status.Cause(reason, message, field);
  }
}

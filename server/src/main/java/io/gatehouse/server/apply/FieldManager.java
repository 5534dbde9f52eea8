package io.gatehouse.server.apply;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import io.gatehouse.server.apply.ManagedFields.Identity;
import io.gatehouse.server.apply.ManagedFields.Managed;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-apiserver's field manager for one endpoint (a kind at a served version, main resource or
 * subresource): records {@code metadata.managedFields} on create, update and non-apply patches,
 * and performs server-side apply. It is upstream's {@code NewDefaultFieldManager} stack: the
 * version check, the client-side-apply annotation sync and upgrade for the {@code kubectl}
 * manager ({@link LastApplied}), tracking from creation and a {@code before-first-apply} owner for
 * untracked objects, the cap of 10 update managers, manager
 * identifiers, operation times, the metadata fields nobody owns, and the structured merge.
 *
 * <p>Thread-safe. Objects passed in are not retained; {@link #update} modifies and returns the
 * object it is given, {@link #apply} returns a new one.
 */
public final class FieldManager {

  private static final Logger LOG = LoggerFactory.getLogger(FieldManager.class);
  private static final String CURRENT_OPERATION = "current-operation";
  private static final String BEFORE_FIRST_APPLY = "before-first-apply";
  private static final FieldSet STRIPPED = stripped();

  private final SchemaType type;
  private final GroupVersionKind kind;
  private final String subresource;
  private final ResetFields reset;
  private final Clock clock;
  private final int maxUpdateManagers;

  FieldManager(SchemaType type, GroupVersionKind kind, String subresource, ResetFields reset,
      Clock clock, int maxUpdateManagers) {
    this.type = type;
    this.kind = kind;
    this.subresource = subresource;
    this.reset = reset;
    this.clock = clock;
    this.maxUpdateManagers = maxUpdateManagers;
  }

  /**
   * Returns the field manager of an endpoint.
   *
   * @param schema where the kind's type is found (unknown kinds get a struct with metadata)
   * @param kind the kind at the version the endpoint serves
   * @param subresource the subresource, empty for the main resource
   * @param reset the fields this endpoint does not let managers own
   * @param clock the source of operation times
   */
  public static FieldManager create(ApplySchema schema, GroupVersionKind kind, String subresource,
      ResetFields reset, Clock clock) {
    SchemaType t = schema.typeOf(kind).orElseGet(
        () -> new BuiltinApplySchema().typeOf(kind).orElseThrow());
    return new FieldManager(t, kind, subresource, reset, clock,
        CappedManagers.MAX_UPDATE_MANAGERS);
  }

  /** An internal failure of an update's bookkeeping. */
  private static final class UpdateFailure extends Exception {
    private static final long serialVersionUID = 1L;

    UpdateFailure(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Records that {@code manager} turned {@code live} (null for a create) into {@code updated}:
   * sets {@code updated}'s managed fields and returns it. The request's own managed fields are
   * kept when valid and non-empty (a direct edit of them), reset when {@code []} or {@code [{}]},
   * and otherwise replaced by the live ones; subresources always start from the live ones. Never
   * fails: on an internal error the managed fields are dropped, as upstream does.
   */
  public Unstructured update(@Nullable Unstructured live, Unstructured updated, String manager) {
    Map<String, @Nullable Object> liveObj = live == null ? Map.of() : live.object();
    try {
      Managed managed = decodeLiveOrNew(liveObj, updated.object());
      updated.metadataForWrite().remove("managedFields");
      boolean creating = !(metadata(liveObj).get("uid") instanceof String uid) || uid.isEmpty();
      if (!managed.fields().isEmpty() || creating) {
        managed = CappedManagers.cap(updateWithInfo(liveObj, updated.object(), managed, manager),
            maxUpdateManagers);
      }
      encodeInto(updated.object(), managed);
    } catch (UpdateFailure e) {
      LOG.warn("ManagedFieldsUpdateFailed kind={} name={} error={}", kind, updated.name(),
          e.getMessage());
      updated.metadataForWrite().remove("managedFields");
    }
    return updated;
  }

  private Managed decodeLiveOrNew(Map<String, @Nullable Object> live,
      Map<String, @Nullable Object> updated) {
    if (subresource.isEmpty()) {
      Map<String, @Nullable Object> meta = metadata(updated);
      if (ManagedFields.isReset(meta.containsKey("managedFields"), meta.get("managedFields"))) {
        return Managed.empty();
      }
      try {
        Managed m = ManagedFields.decode(meta.get("managedFields"));
        if (!m.fields().isEmpty()) {
          return m;
        }
      } catch (ManagedFields.InvalidException e) {
        // Fall back to the live object's, as upstream does.
      }
    }
    try {
      return ManagedFields.decode(metadata(live).get("managedFields"));
    } catch (ManagedFields.InvalidException e) {
      return Managed.empty();
    }
  }

  private Managed updateWithInfo(Map<String, @Nullable Object> live,
      Map<String, @Nullable Object> updated, Managed managed, String manager)
      throws UpdateFailure {
    String id = new Identity(manager.isEmpty() ? "unknown" : manager, ManagedFields.UPDATE,
        kind.apiVersion(), subresource).id();
    Map<String, @Nullable Object> before = readOnlyBare(live);
    Map<String, @Nullable Object> after = readOnlyBare(updated);
    for (Map<String, @Nullable Object> o : List.of(before, after)) {
      String err = Validation.validate(type, o, true);
      if (err != null) {
        throw new UpdateFailure("failed to update ManagedFields (" + gvknn(o) + "): " + err);
      }
    }
    FieldSet ignored = reset.toSet(before, after);
    Map<String, VersionedSet> fields = new Updater(type, v -> ignored).update(before, after,
        kind.apiVersion(), managed.fields(), CURRENT_OPERATION);
    strip(fields, CURRENT_OPERATION);
    Map<String, Instant> times = new HashMap<>(managed.times());
    VersionedSet vs = fields.remove(CURRENT_OPERATION);
    if (vs != null) {
      VersionedSet previous = fields.get(id);
      fields.put(id, previous == null ? vs
          : new VersionedSet(vs.set().union(previous.set()), vs.apiVersion(), vs.applied()));
      times.put(id, now());
    }
    return new Managed(fields, times);
  }

  /**
   * Applies {@code config} for {@code manager} to {@code live} (null when the object does not
   * exist yet) and returns the new object with its managed fields.
   *
   * @throws StatusException 400 for a configuration of another kind or version or one that
   *     carries managed fields, 409 with upstream's conflict message and causes, 500 (reason
   *     unknown, upstream's text) for a configuration that does not fit the kind's schema
   */
  public Unstructured apply(@Nullable Unstructured live, Map<String, @Nullable Object> config,
      String manager, boolean force) {
    Map<String, @Nullable Object> liveObj = live == null ? new LinkedHashMap<>() : live.object();
    Managed managed;
    try {
      managed = ManagedFields.decode(metadata(liveObj).get("managedFields"));
    } catch (ManagedFields.InvalidException e) {
      throw unknown("failed to decode managed fields: " + e.getMessage());
    }
    String gvk = gvkString(config);
    if (!gvk.equals(gvkString(kind))) {
      throw StatusException.badRequest("invalid object type: " + gvk);
    }
    Result r;
    try {
      r = applyWithLastApplied(liveObj, config, managed, manager, force);
    } catch (Conflicts c) {
      throw ApplyConflict.of(c);
    }
    if (manager.equals(LastApplied.KUBECTL) && LastApplied.has(r.object())) {
      LastApplied.set(r.object(), LastApplied.build(config));
    }
    encodeInto(r.object(), r.managed());
    return Unstructured.wrap(r.object());
  }

  private record Result(Map<String, @Nullable Object> object, Managed managed) {}

  private Result applyWithLastApplied(Map<String, @Nullable Object> live,
      Map<String, @Nullable Object> config, Managed managed, String manager, boolean force)
      throws Conflicts {
    try {
      return applyTracked(live, config, managed, manager, force);
    } catch (Conflicts c) {
      if (!manager.equals(LastApplied.KUBECTL)) {
        throw c;
      }
      FieldSet allowed = LastApplied.allowedConflicts(type, kind, live);
      if (allowed == null) {
        throw c;
      }
      if (!c.toSet().difference(allowed).isEmpty()) {
        throw c.without(allowed);
      }
      return applyTracked(live, config, managed, manager, true);
    }
  }

  private Result applyTracked(Map<String, @Nullable Object> live,
      Map<String, @Nullable Object> config, Managed managed, String manager, boolean force)
      throws Conflicts {
    if (managed.fields().isEmpty()) {
      try {
        managed = CappedManagers.cap(updateWithInfo(Map.of(), live, managed, BEFORE_FIRST_APPLY),
            maxUpdateManagers);
      } catch (UpdateFailure e) {
        throw unknown("failed to create manager for existing fields: " + e.getMessage());
      }
    }
    String id = new Identity(manager, ManagedFields.APPLY, "", subresource).id();
    if (metadata(config).get("managedFields") instanceof List<?>) {
      throw StatusException.badRequest("metadata.managedFields must be nil");
    }
    Map<String, @Nullable Object> before = bare(live);
    String err = Validation.validate(type, config, false);
    if (err != null) {
      throw unknown("failed to create typed patch object (" + gvknn(config) + "): " + err);
    }
    err = Validation.validate(type, before, true);
    if (err != null) {
      throw unknown("failed to create typed live object (" + gvknn(before) + "): " + err);
    }
    FieldSet ignored = reset.toSet(before, config);
    Updater.Applied applied;
    try {
      applied = new Updater(type, v -> ignored).apply(before, config, kind.apiVersion(),
          managed.fields(), id, force);
    } catch (MergeWalk.MergeException e) {
      throw unknown("failed to merge config: " + e.getMessage());
    }
    Map<String, VersionedSet> fields = new HashMap<>(applied.managers());
    strip(fields, id);
    Map<String, Instant> times = new HashMap<>(managed.times());
    Map<String, @Nullable Object> out;
    if (applied.changed() && applied.object() instanceof Map<?, ?> m) {
      times.put(id, now());
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> merged = (Map<String, @Nullable Object>) m;
      out = Unstructured.copyOf(merged).object();
      dropNulls(out, config);
    } else {
      out = Unstructured.copyOf(before).object();
    }
    return new Result(out, new Managed(fields, times));
  }

  /**
   * Drops the {@code null} entries pruning leaves where it emptied a map or list (upstream's
   * typed objects omit them); nulls the configuration itself sets are kept.
   */
  private static void dropNulls(@Nullable Object value, @Nullable Object config) {
    if (value instanceof Map<?, ?> m) {
      Map<?, ?> c = config instanceof Map<?, ?> cm ? cm : Map.of();
      m.entrySet().removeIf(e -> e.getValue() == null
          && !(c.containsKey(e.getKey()) && c.get(e.getKey()) == null));
      m.forEach((k, v) -> dropNulls(v, c.get(k)));
    } else if (value instanceof List<?> l) {
      l.forEach(v -> dropNulls(v, null));
    }
  }

  private static void strip(Map<String, VersionedSet> fields, String manager) {
    VersionedSet vs = fields.get(manager);
    if (vs != null) {
      FieldSet rest = vs.set().difference(STRIPPED);
      if (rest.isEmpty()) {
        fields.remove(manager);
      } else {
        fields.put(manager, new VersionedSet(rest, vs.apiVersion(), vs.applied()));
      }
    }
  }

  private static FieldSet stripped() {
    FieldSet s = FieldSet.of(FieldPath.of("apiVersion"), FieldPath.of("kind"),
        FieldPath.of("metadata"));
    for (String f : List.of("name", "namespace", "creationTimestamp", "selfLink", "uid",
        "clusterName", "generation", "managedFields", "resourceVersion")) {
      s.insert(FieldPath.of("metadata", f));
    }
    return s;
  }

  private static void encodeInto(Map<String, @Nullable Object> obj, Managed managed) {
    List<Map<String, Object>> entries = ManagedFields.encode(managed);
    Map<String, @Nullable Object> meta = metadataForWrite(obj);
    if (entries == null) {
      meta.remove("managedFields");
    } else {
      meta.put("managedFields", entries);
    }
  }

  private Instant now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
  }

  /** A copy of the object's top level without {@code metadata.managedFields}. */
  /** {@link #bare} for a reader that never changes the result: {@code obj} itself when it can. */
  private static Map<String, @Nullable Object> readOnlyBare(Map<String, @Nullable Object> obj) {
    return metadata(obj).containsKey("managedFields") ? bare(obj) : obj;
  }

  private static Map<String, @Nullable Object> bare(Map<String, @Nullable Object> obj) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>(obj);
    if (obj.get("metadata") instanceof Map<?, ?> m && m.containsKey("managedFields")) {
      Map<Object, Object> meta = new LinkedHashMap<>(m);
      meta.remove("managedFields");
      out.put("metadata", meta);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> metadata(Map<String, @Nullable Object> obj) {
    return obj.get("metadata") instanceof Map<?, ?> m ? (Map<String, @Nullable Object>) m
        : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> metadataForWrite(Map<String, @Nullable Object> obj) {
    if (obj.get("metadata") instanceof Map<?, ?> m) {
      return (Map<String, @Nullable Object>) m;
    }
    Map<String, @Nullable Object> created = new LinkedHashMap<>();
    obj.put("metadata", created);
    return created;
  }

  private static String gvkString(GroupVersionKind gvk) {
    return gvk.group() + "/" + gvk.version() + ", Kind=" + gvk.kind();
  }

  /** The group/version/kind of an object as upstream's {@code ParseGroupVersion} reads it. */
  private static String gvkString(Map<String, @Nullable Object> obj) {
    String apiVersion = obj.get("apiVersion") instanceof String s ? s : "";
    String objKind = obj.get("kind") instanceof String s ? s : "";
    long slashes = apiVersion.chars().filter(c -> c == '/').count();
    String group = "";
    String version = "";
    if (!apiVersion.isEmpty() && !apiVersion.equals("/")) {
      if (slashes == 0) {
        version = apiVersion;
      } else if (slashes == 1) {
        group = apiVersion.substring(0, apiVersion.indexOf('/'));
        version = apiVersion.substring(apiVersion.indexOf('/') + 1);
      } else {
        objKind = "";
      }
    }
    return group + "/" + version + ", Kind=" + objKind;
  }

  /** Upstream's {@code objectGVKNN}: {@code namespace/name; group/version, Kind=kind}. */
  private static String gvknn(Map<String, @Nullable Object> obj) {
    Map<String, @Nullable Object> meta = metadata(obj);
    String ns = meta.get("namespace") instanceof String s ? s : "";
    String name = meta.get("name") instanceof String s ? s : "";
    return ns + "/" + name + "; " + gvkString(obj);
  }

  /** A failure upstream returns as a plain error: 500 without a reason. */
  private static StatusException unknown(String message) {
    return new StatusException(new Status(message, StatusReason.UNKNOWN, null, 500));
  }
}

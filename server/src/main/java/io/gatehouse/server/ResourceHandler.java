package io.gatehouse.server;

import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The REST handlers of stored resources (upstream's {@code endpoints/handlers}): decodes the
 * request, turns it into registry calls and encodes the answer — objects and lists as JSON, the
 * Table format when {@code Accept} asks for {@code as=Table}, watches as chunked JSON streams,
 * warnings as one {@code Warning} header. Requests for unknown resources or subresources are
 * answered by {@link ApiRoutes}. Thread-safe.
 */
final class ResourceHandler {

  private static final Duration DEFAULT_WATCH_TIMEOUT = Duration.ofMinutes(30);

  private final ResourceTable resources;
  private final Registry registry;
  private final RegistryReader reader;
  private final TableConvertor tables;
  private final Function<UserInfo, WriteAdmission> admission;
  private final WriteGuard guard;
  private final BooleanSupplier stopping;
  private final Duration bookmarkInterval;
  private final FieldSchemas schemas;
  private final FieldManagement fields;
  private final ApplyPatch applyPatch;
  private final ScaleHandler scale;
  private final WatchEventCache watchEvents = new WatchEventCache();

  /** A handler whose applies that create are not checked for {@code create} permission. */
  ResourceHandler(ResourceTable resources, Registry registry, Clock clock,
      Function<UserInfo, WriteAdmission> admission, BooleanSupplier stopping,
      Duration bookmarkInterval) {
    this(resources, registry, clock, admission, WriteGuard.NONE, stopping, bookmarkInterval,
        null);
  }

  /**
   * @param createAuthorizer asked whether a server-side apply that creates its object may create
   *     it (kube-apiserver checks {@code create} besides {@code patch}); null skips the check
   */
  ResourceHandler(ResourceTable resources, Registry registry, Clock clock,
      Function<UserInfo, WriteAdmission> admission, BooleanSupplier stopping,
      Duration bookmarkInterval, io.gatehouse.api.authz.@Nullable Authorizer createAuthorizer) {
    this(resources, registry, clock, admission, WriteGuard.NONE, stopping, bookmarkInterval,
        createAuthorizer);
  }

  /**
   * @param guard checks creates and updates before the registry sees them (RBAC escalation)
   * @param createAuthorizer asked whether a server-side apply that creates its object may create
   *     it; null skips the check
   */
  ResourceHandler(ResourceTable resources, Registry registry, Clock clock,
      Function<UserInfo, WriteAdmission> admission, WriteGuard guard, BooleanSupplier stopping,
      Duration bookmarkInterval, io.gatehouse.api.authz.@Nullable Authorizer createAuthorizer) {
    this(resources, registry, clock, admission, guard, stopping, bookmarkInterval,
        createAuthorizer, FieldSchemas.NONE);
  }

  /**
   * @param guard checks creates and updates before the registry sees them (RBAC escalation)
   * @param createAuthorizer as above
   * @param schemas the schemas unknown fields are found with
   */
  ResourceHandler(ResourceTable resources, Registry registry, Clock clock,
      Function<UserInfo, WriteAdmission> admission, WriteGuard guard, BooleanSupplier stopping,
      Duration bookmarkInterval, io.gatehouse.api.authz.@Nullable Authorizer createAuthorizer,
      FieldSchemas schemas) {
    this.schemas = schemas;
    this.guard = guard;
    this.resources = resources;
    this.registry = registry;
    this.reader = new RegistryReader(registry.store());
    this.tables = new TableConvertor(clock);
    this.admission = admission;
    this.stopping = stopping;
    this.bookmarkInterval = bookmarkInterval;
    this.fields = FieldManagement.of(resources, registry.clock());
    this.applyPatch = new ApplyPatch(registry, fields, createAuthorizer);
    this.scale = new ScaleHandler(resources, registry, admission);
  }

  /** Returns the response, or empty when no stored resource is addressed. */
  Optional<ApiResponse> handle(ApiRequest request) {
    RequestInfo info = request.requestInfo();
    if (info == null || !info.resourceRequest()) {
      return Optional.empty();
    }
    Optional<StoredResource> found = resources.resource(
        new GroupVersionResource(info.apiGroup(), info.apiVersion(), info.resource()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StoredResource r = found.get();
    String sub = info.subresource();
    if (sub.equals("scale")) {
      Optional<ApiResponse> scaled = scale.handle(request);
      if (scaled.isPresent()) {
        return scaled;
      }
    }
    boolean customScale = sub.equals("scale")
        && r.behavior() instanceof CustomResourceBehavior cr && cr.scale() != null;
    if (!sub.isEmpty() && !(sub.equals("status") && r.hasSubresource("status"))
        && !customScale) {
      return Optional.empty();
    }
    boolean namespaces = ResourceStrategy.isNamespaces(r);
    String ns = namespaces ? "" : info.namespace();
    if (!r.namespaced() && !ns.isEmpty()) {
      return Optional.empty();
    }
    boolean collection = List.of("list", "watch", "create", "deletecollection")
        .contains(info.verb());
    if (r.namespaced() && ns.isEmpty()
        && !(info.verb().equals("list") || info.verb().equals("watch"))) {
      return Optional.empty();
    }
    if (!sub.isEmpty() && collection) {
      return Optional.empty();
    }
    UserInfo user = request.user();
    WriteAdmission admit = user == null ? WriteAdmission.NONE : admission.apply(user);
    List<String> always = BehaviorRequests.begin(r, info.verb());
    if (customScale) {
      return Optional.of(withWarnings(ScaleRequests.handle(request, info.verb(), r, registry,
          ((CustomResourceBehavior) r.behavior()).scale(), ns, info.name(), admit,
          dryRun(request)), always));
    }
    return Optional.of(withWarnings(switch (info.verb()) {
      case "get" -> get(request, r, ns, info.name());
      case "list" -> list(request, r, ns);
      case "watch" -> watch(request, r, ns);
      case "create" -> create(request, r, ns, admit, user);
      case "update" -> update(request, r, ns, info.name(), sub, admit, user);
      case "patch" -> patch(request, r, ns, info.name(), sub, admit, user);
      case "delete" -> delete(request, r, ns, info.name(), admit);
      case "deletecollection" -> deleteCollection(request, r, ns, admit);
      default -> throw ApiErrors.methodNotAllowed(info.verb(), r.groupResource());
    }, always));
  }

  private ApiResponse get(ApiRequest request, StoredResource r, String ns, String name) {
    Unstructured obj = registry.get(r, ns, name);
    if (wantsTable(request)) {
      return ApiResponse.json(200, tables.table(r, List.of(obj), include(request),
          Map.of("resourceVersion", rv(obj)), true));
    }
    return ApiResponse.json(200, obj.object());
  }

  private ApiResponse list(ApiRequest request, StoredResource r, String ns) {
    ListQuery q = listQuery(request, r);
    RegistryReader.Page page;
    try {
      page = reader.list(r, ns, q);
    } catch (RegistryReader.ExpiredContinue e) {
      return ApiResponse.json(410, e.body());
    }
    Long remaining = !page.continueToken().isEmpty() && page.remaining() > 0 ? page.remaining()
        : null;
    if (wantsTable(request)) {
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("resourceVersion", Long.toString(page.revision()));
      if (!page.continueToken().isEmpty()) {
        meta.put("continue", page.continueToken());
        if (remaining != null) {
          meta.put("remainingItemCount", remaining);
        }
      }
      return ApiResponse.json(200, tables.table(r, page.items(), include(request), meta, true));
    }
    return ApiResponse.json(200, ListEnvelope.page(r, Long.toString(page.revision()),
        page.continueToken(), remaining, page.items().stream().map(Unstructured::object).toList()));
  }

  private ApiResponse watch(ApiRequest request, StoredResource r, String ns) {
    ListQuery q = listQuery(request, r);
    Duration timeout = request.queryValue("timeoutSeconds").map(ResourceHandler::seconds)
        .orElse(DEFAULT_WATCH_TIMEOUT);
    boolean bookmarks = request.queryValue("allowWatchBookmarks").map(ResourceHandler::isTrue)
        .orElse(false);
    if (!q.resourceVersion().isEmpty()) {
      ListQuery.parseResourceVersion(q.resourceVersion());
    }
    @Nullable Function<Unstructured, Object> encoder = null;
    if (wantsTable(request)) {
      String include = include(request);
      boolean[] first = {true};
      encoder = obj -> {
        Map<String, Object> t = tables.table(r, List.of(obj), include,
            Map.of("resourceVersion", rv(obj)), first[0]);
        first[0] = false;
        return t;
      };
    }
    WatchStreamer streamer = new WatchStreamer(registry.store(), r, ns, q.filter(),
        q.resourceVersion(), bookmarks, timeout, bookmarkInterval, stopping, encoder, watchEvents);
    return ApiResponse.streamed(200, "application/json", streamer);
  }

  private ApiResponse create(ApiRequest request, StoredResource r, String ns,
      WriteAdmission admit, @Nullable UserInfo user) {
    String manager = FieldManagement.manager(request, "CreateOptions");
    List<String> warnings = new ArrayList<>();
    Unstructured obj = decodeObject(request, r, warnings);
    if (r.namespaced()) {
      if (obj.namespace().isEmpty()) {
        obj.setNamespace(ns);
      } else if (!obj.namespace().equals(ns)) {
        throw StatusException.badRequest("the namespace of the provided object does not match "
            + "the namespace sent on the request");
      }
    } else {
      obj.metadataForWrite().remove("namespace");
    }
    if (user != null) {
      guard.check(user, r, ns, "", obj, null);
    }
    obj = fields.created(r, obj, manager);
    Registry.Written w = registry.create(r, obj, dryRun(request), admit);
    warnings.addAll(w.warnings());
    byte[] json = w.json();
    return withWarnings(json != null ? ApiResponse.jsonBytes(201, json)
        : ApiResponse.json(201, w.object().object()), warnings);
  }

  private ApiResponse update(ApiRequest request, StoredResource r, String ns, String name,
      String sub, WriteAdmission admit, @Nullable UserInfo user) {
    String manager = FieldManagement.manager(request, "UpdateOptions");
    List<String> warnings = new ArrayList<>();
    Unstructured body = decodeObject(request, r, warnings);
    if (!body.name().equals(name)) {
      throw StatusException.badRequest("the name of the object (" + body.name()
          + ") does not match the name on the URL (" + name + ")");
    }
    if (r.namespaced() && !body.namespace().isEmpty() && !body.namespace().equals(ns)) {
      throw StatusException.badRequest("the namespace of the provided object does not match "
          + "the namespace sent on the request");
    }
    Registry.Written w = registry.update(r, ns, name, sub, guarded(user, r, ns, name, false, old -> {
      Unstructured copy = body.deepCopy();
      BehaviorRequests.requireResourceVersion(r, copy);
      if (r.namespaced()) {
        copy.setNamespace(ns);
      }
      return fields.updated(r, sub, old, copy, manager);
    }), dryRun(request), admit);
    warnings.addAll(w.warnings());
    return withWarnings(ApiResponse.json(200, w.object().object()), warnings);
  }

  private ApiResponse patch(ApiRequest request, StoredResource r, String ns, String name,
      String sub, WriteAdmission admit, @Nullable UserInfo user) {
    List<String> warnings = new ArrayList<>();
    String contentType = request.headers().first("Content-Type");
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    BodyDecoder.Decoded decoded;
    BehaviorRequests.checkPatchType(r, type, Patches.SUPPORTED);
    if (type.equals(ApplyPatch.YAML)) {
      return applyPatch.apply(request, r, ns, name, sub, dryRun(request), admit,
          update -> guarded(user, r, ns, name, true, update), created -> {
            if (user != null) {
              guard.check(user, r, ns, "", created, null);
            }
          });
    }
    String manager = FieldManagement.manager(request, "PatchOptions");
    decoded = BodyDecoder.decode(request.body(), "application/json");
    FieldValidation validation = FieldValidation.of(request);
    validation.check(r, decoded.duplicates(), warnings);
    List<String> decodeWarnings = new ArrayList<>();
    Registry.Written w = registry.update(r, ns, name, sub, guarded(user, r, ns, name, true,
        old -> {
          Unstructured patched = Patches.apply(type, old.deepCopy(), decoded.value(), r, name);
          decodeWarnings.clear();
          if (validation != FieldValidation.IGNORE) {
            validation.checkPatched(type, decoded.value(), patched,
                schemas.unknown(r, patched.object()), decodeWarnings);
          }
          schemas.removeUnknown(r, patched.object());
          if (r.behavior() != null) {
            r.behavior().decode(patched, validation, true, decodeWarnings);
          }
          return fields.updated(r, sub, old, Registry.defaulted(r, patched), manager);
        }), dryRun(request), admit);
    warnings.addAll(decodeWarnings);
    warnings.addAll(w.warnings());
    return withWarnings(ApiResponse.json(200, w.object().object()), warnings);
  }

  /**
   * Runs the guard on the updated object, as upstream's wrapped {@code UpdatedObjectInfo}. A
   * patch result is checked with the stored {@code resourceVersion} it was applied to (upstream's
   * patcher keeps it; {@link Patches} drops it so that the update can be retried).
   */
  private java.util.function.UnaryOperator<Unstructured> guarded(@Nullable UserInfo user,
      StoredResource r, String ns, String name, boolean patch,
      java.util.function.UnaryOperator<Unstructured> update) {
    if (user == null) {
      return update;
    }
    return old -> {
      Unstructured stored = old.deepCopy();
      Unstructured updated = update.apply(old);
      Unstructured checked = updated;
      if (patch && !updated.metadata().containsKey("resourceVersion")
          && stored.metadata().get("resourceVersion") != null) {
        checked = updated.deepCopy();
        checked.metadataForWrite().put("resourceVersion", stored.metadata().get("resourceVersion"));
      }
      guard.check(user, r, ns, name, checked, stored);
      return updated;
    };
  }

  private ApiResponse delete(ApiRequest request, StoredResource r, String ns, String name,
      WriteAdmission admit) {
    DeleteOptions options = deleteOptions(request);
    if (ResourceStrategy.isNamespaces(r)) {
      NamespaceLifecycle.checkDelete(name);
    }
    List<String> warnings = new ArrayList<>(DeletionPropagation.warnings(r, options));
    Registry.Deleted d = registry.delete(r, ns, name, options, admit);
    warnings.addAll(d.warnings());
    Object body = !d.immediately() || ResourceStrategy.isNamespaces(r)
        || r.groupResource().resource().equals("pods")
        ? d.object().object() : Registry.deleteStatus(r.groupResource(), d.object());
    // upstream answers 202 only to the deprecated orphanDependents=false, for compatibility
    int code = !d.immediately() && Boolean.FALSE.equals(options.orphanDependents()) ? 202 : 200;
    return withWarnings(ApiResponse.json(code, body), warnings);
  }

  private ApiResponse deleteCollection(ApiRequest request, StoredResource r, String ns,
      WriteAdmission admit) {
    ListQuery q = listQuery(request, r);
    DeleteOptions options = deleteOptions(request);
    RegistryReader.Page page = reader.list(r, ns, new ListQuery(q.filter(), 0, "", "", ""));
    List<Object> deleted = new ArrayList<>();
    List<String> warnings = new ArrayList<>(DeletionPropagation.warnings(r, options));
    for (Unstructured obj : page.items()) {
      try {
        Registry.Deleted d = registry.delete(r, obj.namespace(), obj.name(), options, admit);
        deleted.add(d.object().object());
        warnings.addAll(d.warnings());
      } catch (StatusException e) {
        if (e.status().code() != 404) {
          throw e;
        }
      }
    }
    Map<String, Object> list = ListEnvelope.of(r,
        Map.of("resourceVersion", Long.toString(registry.store().currentRevision())), deleted);
    return withWarnings(ApiResponse.json(200, list), warnings);
  }

  private DeleteOptions deleteOptions(ApiRequest request) {
    return DeleteOptions.of(RequestBodies.deleteOptions(request), request.query());
  }

  private Unstructured decodeObject(ApiRequest request, StoredResource r, List<String> warnings) {
    BodyDecoder.Decoded decoded = RequestBodies.object(request, r.kind(),
        gvk -> resources.forKind(gvk).isPresent());
    Unstructured obj = Unstructured.wrap(BodyDecoder.object(decoded));
    Kinds.check(r, obj);
    FieldValidation validation = FieldValidation.of(request);
    List<String> unknown = schemas.removeUnknown(r, obj.object());
    validation.check(r, decoded.duplicates(),
        validation == FieldValidation.IGNORE ? List.of() : unknown, warnings);
    if (r.behavior() != null) {
      r.behavior().decode(obj, validation, false, warnings);
    }
    return Registry.defaulted(r, obj);
  }

  private ListQuery listQuery(ApiRequest request, StoredResource r) {
    ObjectFilter filter = ObjectFilter.parse(r, request.queryValue("labelSelector").orElse(""),
        request.queryValue("fieldSelector").orElse(""));
    long limit = request.queryValue("limit").map(v -> {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw StatusException.badRequest("limit: invalid value " + io.gatehouse.api.GoQuote.quote(v));
      }
    }).orElse(0L);
    return new ListQuery(filter, limit, request.queryValue("continue").orElse(""),
        request.queryValue("resourceVersion").orElse(""),
        request.queryValue("resourceVersionMatch").orElse(""));
  }

  /** Whether the write is a dry run; its options were validated ({@link FieldManagement}). */
  private static boolean dryRun(ApiRequest request) {
    return !request.query().getOrDefault("dryRun", List.of()).isEmpty();
  }

  private static boolean wantsTable(ApiRequest request) {
    for (String range : request.headers().first("Accept").split(",")) {
      String r = range.replace(" ", "");
      if (r.startsWith("application/json") && r.contains(";as=Table")
          && r.contains(";g=meta.k8s.io")) {
        return true;
      }
      if (r.equals("application/json") || r.equals("*/*")) {
        return false;
      }
    }
    return false;
  }

  private static String include(ApiRequest request) {
    return request.queryValue("includeObject").orElse("Metadata");
  }

  private static String rv(Unstructured obj) {
    return obj.metadata().get("resourceVersion") instanceof String s ? s : "";
  }

  private static Duration seconds(String v) {
    try {
      long s = Long.parseLong(v);
      return s <= 0 ? DEFAULT_WATCH_TIMEOUT : Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      throw StatusException.badRequest("timeoutSeconds: invalid value " + io.gatehouse.api.GoQuote.quote(v));
    }
  }

  private static boolean isTrue(String v) {
    return !v.equals("0") && !v.equalsIgnoreCase("false");
  }

  /**
   * Adds the warnings as one {@code Warning} header ({@code 299 - "…"} entries), before those the
   * response already carries.
   */
  static ApiResponse withWarnings(ApiResponse response, List<String> warnings) {
    if (!warnings.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (String w : new java.util.LinkedHashSet<>(warnings)) {
        parts.add("299 - \"" + w.replace("\\", "\\\\").replace("\"", "\\\"")
            .replaceAll("[\\p{Cntrl}]", " ") + "\"");
      }
      String existing = response.headers().get("Warning");
      if (existing != null && !existing.isEmpty()) {
        parts.add(existing);
      }
      response.headers().put("Warning", String.join(", ", parts));
    }
    return response;
  }
}

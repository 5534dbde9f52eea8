package io.gatehouse.server;

import io.gatehouse.admission.podsecurity.Evaluator;
import io.gatehouse.admission.podsecurity.PodSecurityAdmission;
import io.gatehouse.admission.podsecurity.PodSecurityConfiguration;
import io.gatehouse.admission.podsecurity.PodSecurityConfigurationLoader;
import io.gatehouse.admission.validating.ValidatingAdmissionPolicyPlugin;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.server.openapi.OpenApiService;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.SqliteKeyValueStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The storage-backed part of the server, wired together: the SQLite store under {@code
 * <data-dir>/db/state.db}, the registry and its REST handlers, the namespace controller (default
 * namespaces, namespace deletion), the compactor, RBAC over the stored roles and bindings (seeded
 * with the bootstrap policy) and the admission chain over the stored policies. Built once at start-up; {@link
 * #closeables()} lists what {@link GatehouseServer#close()} closes, store last.
 */
final class Storage {

  private final ResourceHandler handler;
  private final Registry registry;
  private final ResourceTable resources;
  private final List<AutoCloseable> closeables;
  private final Supplier<OpenApiService> openApi;

  private Storage(ResourceHandler handler, Registry registry, ResourceTable resources,
      List<AutoCloseable> closeables, Supplier<OpenApiService> openApi) {
    this.handler = handler;
    this.registry = registry;
    this.resources = resources;
    this.closeables = closeables;
    this.openApi = openApi;
  }

  /**
   * Opens the store and starts the controllers.
   *
   * @param authorizer the server's authorizer (for CEL's {@code authorizer} in policies)
   * @param rbac receives the RBAC authorizer over the stored RBAC objects, kept current
   * @throws IllegalArgumentException for an unusable admission configuration file
   */
  static Storage open(ServerOptions options, ResourceCatalog catalog, AtomicBoolean closing,
      Authorizer authorizer, Consumer<Authorizer> rbac) {
    Path db = options.dataDir().resolve("db");
    try {
      Files.createDirectories(db);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + db, e);
    }
    KeyValueStore store = SqliteKeyValueStore.open(db.resolve("state.db"));
    ResourceTable table = new ResourceTable(catalog);
    NamespaceLifecycle lifecycle = new NamespaceLifecycle(store);
    Registry registry = new Registry(store, options.clock(), lifecycle);
    NamespaceController namespaces = new NamespaceController(registry, table,
        Duration.ofMillis(500));
    namespaces.createDefaults();
    namespaces.start();
    Compactor compactor = Compactor.start(store, Duration.ofMinutes(5), 1000);
    seed(registry, table, BootstrapPolicy.objects());
    StoreSnapshot<RbacAuthorizer> roles = new StoreSnapshot<>("rbac", store,
        "/registry/rbac.authorization.k8s.io/", RbacAuthorizer::fromObjects);
    rbac.accept(attributes -> roles.get().authorize(attributes));
    ValidatingAdmissionPolicyPlugin.Options vapOptions = ValidatingAdmissionPolicyPlugin.Options.DEFAULT;
    StoreSnapshot<ValidatingAdmissionPolicyPlugin> policies = new StoreSnapshot<>("policies",
        store, "/registry/admissionregistration.k8s.io/validatingadmissionpolic",
        objects -> ValidatingAdmissionPolicyPlugin.create(objects, vapOptions));
    StoreClusterState cluster = new StoreClusterState(store, table, catalog);
    PodSecurityAdmission podSecurity = PodSecurityAdmission.create(
        podSecurityConfiguration(options), Evaluator.create(), cluster);
    AdmissionChain admission = new AdmissionChain(podSecurity, policies::get, cluster, authorizer);
    // The schemas take a few hundred milliseconds to read: loaded on first use, or by
    // prefetchOpenApi() once the server serves requests, so that start-up does not wait for them.
    Supplier<OpenApiService> openApi = new Once<>(() -> BuiltinOpenApi.service(catalog, table,
        VersionInfo.gitVersion(options.projectVersion())));
    ResourceHandler handler = new ResourceHandler(table, registry, options.clock(),
        admission::forUser, closing::get, Duration.ofMinutes(1), authorizer,
        new FieldSchemas(() -> openApi.get().definitions()));
    return new Storage(handler, registry, table,
        List.of(namespaces, compactor, roles, policies, store), openApi);
  }

  private static PodSecurityConfiguration podSecurityConfiguration(ServerOptions options) {
    if (options.admissionControlConfigFile().isEmpty()) {
      return PodSecurityConfiguration.DEFAULT;
    }
    Path file = options.admissionControlConfigFile().get();
    return switch (PodSecurityConfigurationLoader.load(file)) {
      case PodSecurityConfigurationLoader.Loaded l -> l.configuration();
      case PodSecurityConfigurationLoader.Failed f -> throw new IllegalArgumentException(
          "--admission-control-config-file " + file + ": " + String.join("; ", f.errors()));
    };
  }

  /** Creates the bootstrap objects that do not exist yet (existing ones are left as they are). */
  private static void seed(Registry registry, ResourceTable table, List<Unstructured> objects) {
    for (Unstructured obj : objects) {
      StoredResource r = table.forKind(obj.groupVersionKind()).orElseThrow();
      if (registry.store().get(r.key(obj.namespace(), obj.name())).kv().isPresent()) {
        continue;
      }
      try {
        registry.create(r, obj.deepCopy(), false, WriteAdmission.NONE);
      } catch (StatusException e) {
        if (e.status().code() != 409) {
          throw e;
        }
      }
    }
  }

  /** The OpenAPI documents of the served resources (loads them on first use). */
  Supplier<OpenApiService> openApi() {
    return openApi;
  }

  /** Loads the OpenAPI schemas on a background thread, ahead of the first request needing them. */
  void prefetchOpenApi() {
    Thread.ofPlatform().name("gatehouse-openapi").daemon().start(openApi::get);
  }

  /** A value computed once, on first use; thread-safe. */
  private static final class Once<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private volatile @Nullable T value;

    Once(Supplier<T> compute) {
      this.compute = compute;
    }

    @Override
    public T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = compute.get();
            value = v;
          }
        }
      }
      return v;
    }
  }

  ResourceHandler handler() {
    return handler;
  }

  Registry registry() {
    return registry;
  }

  ResourceTable resources() {
    return resources;
  }

  List<AutoCloseable> closeables() {
    return closeables;
  }
}

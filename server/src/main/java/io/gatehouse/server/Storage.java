package io.gatehouse.server;

import io.gatehouse.admission.plugin.PluginNames;
import io.gatehouse.admission.plugin.PluginSelection;
import io.gatehouse.admission.podsecurity.Evaluator;
import io.gatehouse.admission.podsecurity.PodSecurityAdmission;
import io.gatehouse.admission.podsecurity.PodSecurityConfiguration;
import io.gatehouse.admission.podsecurity.PodSecurityConfigurationLoader;
import io.gatehouse.admission.validating.ValidatingAdmissionPolicyPlugin;
import io.gatehouse.api.GroupResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.auth.node.NodeAuthorizer;
import io.gatehouse.auth.node.NodeGraph;
import io.gatehouse.auth.rbac.BootstrapPolicy;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.server.openapi.OpenApiService;
import io.gatehouse.server.crd.cel.CelObjectRules;
import io.gatehouse.server.crd.cel.CelRuleCompiler;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.SqliteKeyValueStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage-backed part of the server, wired together: the SQLite store under {@code
 * <data-dir>/db/state.db}, the registry and its REST handlers, the namespace controller (default
 * namespaces, namespace deletion), Service networking (cluster IPs, node ports, {@link
 * ServiceNetwork}), the compactor, the CRD controller (custom resources served
 * as their definitions come and go), the garbage collector (dependents of deleted owners, {@link
 * GarbageCollector}), RBAC over the stored roles and bindings (the
 * bootstrap policy reconciled into them at every start, {@link BootstrapRbac}), RBAC escalation
 * prevention on writes of roles and bindings ({@link RbacEscalationGuard}) and the admission chain
 * over the stored policies. Built once at start-up; {@link #closeables()} lists what {@link
 * GatehouseServer#close()} closes, store last.
 */
final class Storage {

  private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

  private final ResourceHandler handler;
  private final Registry registry;
  private final ResourceTable resources;
  private final CrdController crds;
  private final List<AutoCloseable> closeables;
  private final Supplier<OpenApiService> openApi;
  private final ServiceNetwork serviceNetwork;

  private Storage(ResourceHandler handler, Registry registry, ResourceTable resources,
      CrdController crds, List<AutoCloseable> closeables, Supplier<OpenApiService> openApi,
      ServiceNetwork serviceNetwork) {
    this.serviceNetwork = serviceNetwork;
    this.handler = handler;
    this.registry = registry;
    this.resources = resources;
    this.crds = crds;
    this.closeables = closeables;
    this.openApi = openApi;
  }

  /**
   * Opens the store and starts the controllers.
   *
   * @param authorizer the server's authorizer (for CEL's {@code authorizer} in policies, and the
   *     escalation checks); receives the RBAC authorizer over the stored RBAC objects, and the
   *     Node authorizer over the stored pods and volumes when it uses one, both kept current
   * @throws IllegalArgumentException for an unusable admission configuration file
   */
  static Storage open(ServerOptions options, ResourceCatalog catalog, AtomicBoolean closing,
      ServerAuthorization authorizer) {
    Path db = options.dataDir().resolve("db");
    try {
      Files.createDirectories(db);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + db, e);
    }
    NamespaceCache namespaceCache = new NamespaceCache(
        SqliteKeyValueStore.open(db.resolve("state.db")));
    KeyValueStore store = namespaceCache.store();
    ResourceTable table = new ResourceTable(catalog);
    table.setBehavior(new GroupResource("apiextensions.k8s.io", "customresourcedefinitions"),
        new CrdBehavior(CelRuleCompiler.DEFAULT));
    NamespaceLifecycle lifecycle = new NamespaceLifecycle(namespaceCache);
    PluginSelection plugins = options.admission().selection();
    Registry registry = new Registry(store, options.clock(),
        plugins.enables(PluginNames.NAMESPACE_LIFECYCLE) ? lifecycle : (r, ns, name) -> { });
    NamespaceController namespaces = new NamespaceController(registry, table,
        Duration.ofMillis(500));
    namespaces.createDefaults();
    ServiceNetwork serviceNetwork = ServiceNetwork.open(registry, table, options.serviceNetwork(),
        options.clock());
    namespaces.start();
    Compactor compactor = Compactor.start(store, Duration.ofMinutes(5), 1000);
    BootstrapRbac.reconcile(registry, table);
    SystemPriorityClassBootstrap.ensure(registry, table);
    StoreSnapshot<RbacAuthorizer> roles = new StoreSnapshot<>("rbac", store,
        "/registry/rbac.authorization.k8s.io/", RbacAuthorizer::fromObjects);
    authorizer.rbac(roles::get);
    List<AutoCloseable> closeables = new ArrayList<>(List.of(namespaces, compactor, roles,
        serviceNetwork));
    if (authorizer.usesNode()) {
      StoreSnapshot<NodeAuthorizer> nodes = new StoreSnapshot<>("node-graph", store,
          nodeGraphPrefixes(table), objects -> NodeAuthorizer.create(NodeGraph.fromObjects(objects),
              BootstrapPolicy.nodeRules(), ServerAuthorization.nodeSelectors()));
      authorizer.node(nodes::get);
      closeables.add(nodes);
    }
    ValidatingAdmissionPolicyPlugin.Options vapOptions = ValidatingAdmissionPolicyPlugin.Options.DEFAULT;
    StoreSnapshot<ValidatingAdmissionPolicyPlugin> policies = new StoreSnapshot<>("policies",
        store, "/registry/admissionregistration.k8s.io/validatingadmissionpolic",
        objects -> ValidatingAdmissionPolicyPlugin.create(objects, vapOptions));
    CrdController crds = new CrdController(registry, table, catalog, options.clock(),
        (crd, version) -> CelObjectRules.of(version.schema()),
        task -> Thread.ofVirtual().start(task));
    crds.start();
    GarbageCollector garbageCollector = new GarbageCollector(registry, table).start();
    StoreClusterState cluster = new StoreClusterState(store, namespaceCache, table, crds::catalog);
    PodSecurityAdmission podSecurity = PodSecurityAdmission.create(
        podSecurityConfiguration(options), Evaluator.create(), cluster);
    AdmissionChain admission = AdmissionChain.create(options.admission(), podSecurity,
        policies::get, cluster, authorizer);
    logPlugins(plugins, admission);
    // The schemas take a few hundred milliseconds to read: loaded on first use, or by
    // prefetchOpenApi() once the server serves requests, so that start-up does not wait for them.
    CustomResourceOpenApi customOpenApi = new CustomResourceOpenApi(table);
    crds.onCatalogChange(customOpenApi::catalogChanged);
    Supplier<OpenApiService> openApi = new Once<>(() -> customOpenApi.attach(
        BuiltinOpenApi.service(catalog, table, VersionInfo.gitVersion(options.projectVersion()))));
    ResourceHandler handler = new ResourceHandler(table, registry, options.clock(),
        admission::forUser, new RbacEscalationGuard(store, authorizer), closing::get,
        Duration.ofMinutes(1), authorizer, new FieldSchemas(() -> openApi.get().definitions()));
    closeables.add(policies);
    closeables.add(crds);
    closeables.add(garbageCollector);
    closeables.add(store);
    return new Storage(handler, registry, table, crds, List.copyOf(closeables), openApi,
        serviceNetwork);
  }

  /** Logs the plugins as kube-apiserver does, and those Gatehouse accepts by name only. */
  private static void logPlugins(PluginSelection plugins, AdmissionChain admission) {
    LOG.atInfo().setMessage("Loaded " + admission.mutatingNames().size() + " mutating admission "
        + "controller(s) successfully in the following order: "
        + String.join(",", admission.mutatingNames()) + ".").log();
    LOG.atInfo().setMessage("Loaded " + admission.validatingNames().size() + " validating "
        + "admission controller(s) successfully in the following order: "
        + String.join(",", admission.validatingNames()) + ".").log();
    if (!plugins.notEnforced().isEmpty()) {
      LOG.atInfo().setMessage("Admission plugins enabled by default upstream that Gatehouse does "
          + "not implement").addKeyValue("plugins", String.join(",", plugins.notEnforced())).log();
    }
  }

  /** The objects the Node authorizer's graph is built from, those the catalog has. */
  private static List<String> nodeGraphPrefixes(ResourceTable table) {
    List<String> prefixes = new ArrayList<>();
    for (StoredResource r : table.all()) {
      String gr = r.groupResource().group() + "/" + r.groupResource().resource();
      if (List.of("/pods", "/persistentvolumeclaims", "storage.k8s.io/volumeattachments",
          "resource.k8s.io/resourceslices").contains(gr)) {
        prefixes.add(r.prefix(""));
      }
    }
    return prefixes;
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

  /** Calls {@code listener} with the served catalog now and whenever custom resources change. */
  void onCatalogChange(java.util.function.Consumer<ResourceCatalog> listener) {
    crds.onCatalogChange(listener);
  }

  /** Cluster IP and node port allocation, and the {@code kubernetes} Service. */
  ServiceNetwork serviceNetwork() {
    return serviceNetwork;
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

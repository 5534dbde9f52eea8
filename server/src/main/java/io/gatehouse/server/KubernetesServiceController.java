package io.gatehouse.server;

import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane's {@code kubernetes} Service, as kube-apiserver's {@code kubernetesservice}
 * controller and its lease endpoint reconciler keep it: the Service {@code default/kubernetes}
 * (labels {@code component=apiserver}, {@code provider=kubernetes}; port 443 named {@code https}
 * targeting the secure port; the first IP of {@code --service-cluster-ip-range}; SingleStack) is
 * created when missing and otherwise left alone, and its Endpoints (label {@code
 * endpointslice.kubernetes.io/skip-mirror=true}) and EndpointSlice (label {@code
 * kubernetes.io/service-name=kubernetes}, one ready endpoint) point at the advertised address and
 * the secure port. Synced once when the server starts serving, then every {@code interval} (10 s
 * upstream) on a virtual thread, so a deleted Service or Endpoints comes back. Unlike upstream,
 * whose endpoint reconciler keeps the ports of existing Endpoints, the ports are corrected on
 * every sync, because {@code --secure-port 0} gives each start another port. Thread-safe.
 */
final class KubernetesServiceController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesServiceController.class);
  static final String NAME = "kubernetes";
  static final String NAMESPACE = "default";

  private final Registry registry;
  private final StoredResource services;
  private final StoredResource endpoints;
  private final StoredResource endpointSlices;
  private final ServiceNetworkOptions network;
  private final String advertiseIp;
  private final int securePort;
  private final Duration interval;
  private final BackgroundLoop loop = new BackgroundLoop("gatehouse-kubernetes-service");

  KubernetesServiceController(Registry registry, ResourceTable table, ServiceNetworkOptions network,
      String advertiseIp, int securePort, Duration interval) {
    this.registry = registry;
    this.services = resource(table, new GroupVersionResource("", "v1", "services"));
    this.endpoints = resource(table, new GroupVersionResource("", "v1", "endpoints"));
    this.endpointSlices = resource(table,
        new GroupVersionResource("discovery.k8s.io", "v1", "endpointslices"));
    this.network = network;
    this.advertiseIp = advertiseIp;
    this.securePort = securePort;
    this.interval = interval;
  }

  private static StoredResource resource(ResourceTable table, GroupVersionResource gvr) {
    return table.resource(gvr).orElseThrow();
  }

  /** Syncs once now, then every interval in the background. */
  void start() {
    syncOnce();
    loop.start(() -> {
      while (!loop.stopped()) {
        try {
          Thread.sleep(interval);
          syncOnce();
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  /** Creates the Service if missing and corrects its Endpoints and EndpointSlice; logs failures. */
  void syncOnce() {
    try {
      ensureService();
      reconcile(endpoints, desiredEndpoints(), List.of("subsets"));
      reconcile(endpointSlices, desiredSlice(), List.of("addressType", "endpoints", "ports"));
    } catch (StatusException e) {
      if (!loop.stopped()) {
        LOG.atError().setMessage("unable to sync kubernetes service")
            .addKeyValue("error", e.getMessage()).log();
      }
    }
  }

  private void ensureService() {
    if (registry.store().get(services.key(NAMESPACE, NAME)).kv().isPresent()) {
      return;
    }
    Map<String, @Nullable Object> port = new LinkedHashMap<>();
    port.put("name", "https");
    port.put("protocol", "TCP");
    port.put("port", 443L);
    port.put("targetPort", (long) securePort);
    Map<String, @Nullable Object> spec = new LinkedHashMap<>();
    spec.put("ports", List.of(port));
    spec.put("clusterIP", Ipv4Prefix.format(network.kubernetesServiceIp()));
    spec.put("ipFamilyPolicy", "SingleStack");
    spec.put("sessionAffinity", "None");
    spec.put("type", "ClusterIP");
    Map<String, @Nullable Object> svc = object("v1", "Service",
        labels("component", "apiserver", "provider", "kubernetes"));
    svc.put("spec", spec);
    try {
      registry.create(services, Unstructured.copyOf(svc), false, WriteAdmission.NONE);
    } catch (StatusException e) {
      if (e.status().code() != 409) {
        throw e;
      }
    }
  }

  private Map<String, @Nullable Object> endpointPort() {
    Map<String, @Nullable Object> port = new LinkedHashMap<>();
    port.put("name", "https");
    port.put("port", (long) securePort);
    port.put("protocol", "TCP");
    return port;
  }

  private Unstructured desiredEndpoints() {
    Map<String, @Nullable Object> e = object("v1", "Endpoints",
        labels("endpointslice.kubernetes.io/skip-mirror", "true"));
    Map<String, @Nullable Object> subset = new LinkedHashMap<>();
    subset.put("addresses", List.of(new LinkedHashMap<>(Map.of("ip", advertiseIp))));
    subset.put("ports", List.of(endpointPort()));
    e.put("subsets", List.of(subset));
    return Unstructured.copyOf(e);
  }

  private Unstructured desiredSlice() {
    Map<String, @Nullable Object> s = object("discovery.k8s.io/v1", "EndpointSlice",
        labels("kubernetes.io/service-name", NAME));
    s.put("addressType", ServiceIpChecks.familyOf(advertiseIp));
    Map<String, @Nullable Object> endpoint = new LinkedHashMap<>();
    endpoint.put("addresses", List.of(advertiseIp));
    endpoint.put("conditions", new LinkedHashMap<>(Map.of("ready", true)));
    s.put("endpoints", List.of(endpoint));
    s.put("ports", List.of(endpointPort()));
    return Unstructured.copyOf(s);
  }

  /** Creates {@code desired} or updates the stored object's labels and {@code fields}. */
  private void reconcile(StoredResource r, Unstructured desired, List<String> fields) {
    Registry.defaulted(r, desired);
    if (registry.store().get(r.key(NAMESPACE, NAME)).kv().isEmpty()) {
      try {
        registry.create(r, desired, false, WriteAdmission.NONE);
        return;
      } catch (StatusException e) {
        if (e.status().code() != 409) {
          throw e;
        }
      }
    }
    registry.update(r, NAMESPACE, NAME, "", current -> {
      boolean same = Objects.equals(current.labels(), desired.labels());
      for (String f : fields) {
        same &= Objects.equals(current.object().get(f), desired.object().get(f));
      }
      if (same) {
        return current;
      }
      LOG.atWarn().setMessage("Resetting endpoints for master service")
          .addKeyValue("kind", r.kind().kind()).addKeyValue("ip", advertiseIp).log();
      current.metadataForWrite().put("labels", desired.metadata().get("labels"));
      for (String f : fields) {
        current.object().put(f, desired.object().get(f));
      }
      current.metadataForWrite().remove("resourceVersion");
      return current;
    }, false, WriteAdmission.NONE);
  }

  private static Map<String, @Nullable Object> object(String apiVersion, String kind,
      Map<String, @Nullable Object> labels) {
    Map<String, @Nullable Object> obj = new LinkedHashMap<>();
    obj.put("apiVersion", apiVersion);
    obj.put("kind", kind);
    Map<String, @Nullable Object> meta = new LinkedHashMap<>();
    meta.put("name", NAME);
    meta.put("namespace", NAMESPACE);
    meta.put("labels", labels);
    obj.put("metadata", meta);
    return obj;
  }

  private static Map<String, @Nullable Object> labels(String... kv) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put(kv[i], kv[i + 1]);
    }
    return out;
  }

  @Override
  public void close() {
    loop.stop();
  }
}

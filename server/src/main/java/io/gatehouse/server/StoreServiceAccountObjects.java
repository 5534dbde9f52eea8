package io.gatehouse.server;

import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.auth.serviceaccount.SecretsWriter;
import io.gatehouse.auth.serviceaccount.ServiceAccountTokenGetter;
import io.gatehouse.storage.KeyValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The token authenticators' view of the store: service accounts, pods, Secrets and nodes read
 * straight from the key-value store (upstream reads its informer caches, then the API), and the
 * legacy-token labels merged into a Secret with its uid as precondition (upstream's merge patch,
 * without admission, as the API server's loopback client's). Thread-safe.
 */
final class StoreServiceAccountObjects implements ServiceAccountTokenGetter, SecretsWriter {

  private final Registry registry;
  private final ResourceTable resources;

  StoreServiceAccountObjects(Registry registry, ResourceTable resources) {
    this.registry = registry;
    this.resources = resources;
  }

  @Override
  public Optional<Unstructured> serviceAccount(String namespace, String name) {
    return read("serviceaccounts", namespace, name);
  }

  @Override
  public Optional<Unstructured> pod(String namespace, String name) {
    return read("pods", namespace, name);
  }

  @Override
  public Optional<Unstructured> secret(String namespace, String name) {
    return read("secrets", namespace, name);
  }

  @Override
  public Optional<Unstructured> node(String name) {
    return read("nodes", "", name);
  }

  @Override
  public void patchLabels(String namespace, String name, String uid, Map<String, String> labels) {
    registry.update(resource("secrets"), namespace, name, "", obj -> {
      Map<String, @Nullable Object> meta = obj.metadataForWrite();
      meta.put("uid", uid);
      Map<String, Object> merged = new LinkedHashMap<>();
      if (meta.get("labels") instanceof Map<?, ?> existing) {
        existing.forEach((k, v) -> merged.put(String.valueOf(k), v));
      }
      merged.putAll(labels);
      meta.put("labels", merged);
      meta.remove("resourceVersion");
      return obj;
    }, false, WriteAdmission.NONE);
  }

  private Optional<Unstructured> read(String resource, String namespace, String name) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    StoredResource r = resource(resource);
    Optional<KeyValue> kv = registry.store().get(r.key(namespace, name)).kv();
    return kv.map(ObjectBytes::read);
  }

  private StoredResource resource(String name) {
    return resources.resource(new GroupVersionResource("", "v1", name))
        .orElseThrow(() -> StatusException.internal("resource " + name + " is not served"));
  }
}

package io.gatehouse.auth.serviceaccount;

import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory objects for the validators: a getter and a Secret label writer. Thread-safe. */
final class FakeObjects implements ServiceAccountTokenGetter, SecretsWriter {

  private final Map<String, Unstructured> objects = new ConcurrentHashMap<>();
  final List<String> patches = new ArrayList<>();
  int lookups;

  Unstructured put(String kind, String namespace, String name, String uid) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    if (!namespace.isEmpty()) {
      meta.put("namespace", namespace);
    }
    meta.put("uid", uid);
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("apiVersion", "v1");
    obj.put("kind", kind);
    obj.put("metadata", meta);
    Unstructured u = Unstructured.copyOf(obj);
    objects.put(kind + "/" + namespace + "/" + name, u);
    return u;
  }

  void remove(String kind, String namespace, String name) {
    objects.remove(kind + "/" + namespace + "/" + name);
  }

  private Optional<Unstructured> get(String kind, String namespace, String name) {
    lookups++;
    return Optional.ofNullable(objects.get(kind + "/" + namespace + "/" + name));
  }

  @Override
  public Optional<Unstructured> serviceAccount(String namespace, String name) {
    return get("ServiceAccount", namespace, name);
  }

  @Override
  public Optional<Unstructured> pod(String namespace, String name) {
    return get("Pod", namespace, name);
  }

  @Override
  public Optional<Unstructured> secret(String namespace, String name) {
    return get("Secret", namespace, name);
  }

  @Override
  public Optional<Unstructured> node(String name) {
    return get("Node", "", name);
  }

  @Override
  public synchronized void patchLabels(String namespace, String name, String uid,
      Map<String, String> labels) {
    patches.add(namespace + "/" + name + " " + uid + " " + labels);
    Unstructured s = objects.get("Secret/" + namespace + "/" + name);
    if (s != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> l = (Map<String, Object>) s.metadataForWrite()
          .computeIfAbsent("labels", k -> new LinkedHashMap<String, Object>());
      l.putAll(labels);
    }
  }
}

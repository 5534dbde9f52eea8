package io.gatehouse.admission.podsecurity;

import io.gatehouse.admission.ClusterState;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An in-memory {@link ClusterState} of namespaces and pods. */
final class FakeClusterState implements ClusterState {

  private final List<Unstructured> objects = new ArrayList<>();

  /** Adds a namespace with {@code labels} given as YAML flow-map entries, e.g. {@code a: b}. */
  FakeClusterState namespace(String name, String labels) {
    objects.add(
        TestObjects.object(
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: "
                + name
                + ", labels: {"
                + labels
                + "}}\n"));
    return this;
  }

  /** Adds an object. */
  FakeClusterState add(Unstructured object) {
    objects.add(object);
    return this;
  }

  @Override
  public Optional<Unstructured> namespace(String name) {
    return objects.stream()
        .filter(o -> o.kind().equals("Namespace") && o.name().equals(name))
        .findFirst();
  }

  @Override
  public List<Unstructured> list(GroupVersionKind kind, String namespace, boolean allNamespaces) {
    return objects.stream()
        .filter(o -> o.groupVersionKind().equals(kind))
        .filter(o -> allNamespaces || o.namespace().equals(namespace))
        .sorted(Comparator.comparing(Unstructured::name))
        .toList();
  }

  @Override
  public Optional<Unstructured> get(GroupVersionKind kind, String namespace, String name) {
    return list(kind, namespace, false).stream().filter(o -> o.name().equals(name)).findFirst();
  }
}

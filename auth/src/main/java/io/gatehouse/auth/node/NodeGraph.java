package io.gatehouse.auth.node;

import io.gatehouse.api.Unstructured;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The relationships the Node authorizer follows, built from a fixed set of objects as upstream's
 * graph populator builds them from informers: a pod bound to a node ({@code spec.nodeName}) links
 * the node to the pod's service account, the secrets and configmaps it mounts or references
 * (volumes, projected sources, env, envFrom, image pull secrets, secret refs of inline volumes),
 * its PVCs (including generic ephemeral volumes, named {@code
 * <pod>-<volume>}) and resource claims (from {@code status.resourceClaimStatuses}); a bound PVC
 * links its PV; VolumeAttachments and ResourceSlices link to their node. Unscheduled pods are
 * ignored.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class NodeGraph {

  private record Vertex(VertexType type, String namespace, String name) {}

  /** Edges from an object towards the node it serves (object → pod → node, pv → pvc, …). */
  private final Map<Vertex, Set<Vertex>> out = new HashMap<>();

  private NodeGraph() {}

  /** Builds the graph from Pods, PVCs, VolumeAttachments and ResourceSlices among {@code objects}. */
  public static NodeGraph fromObjects(Collection<Unstructured> objects) {
    NodeGraph g = new NodeGraph();
    for (Unstructured o : objects) {
      String group = o.groupVersionKind().group();
      switch (group + "/" + o.kind()) {
        case "/Pod" -> g.addPod(o);
        case "/PersistentVolumeClaim" -> {
          String volume = str(o.get("spec", "volumeName").orElse(null));
          if (!volume.isEmpty()) {
            g.edge(new Vertex(VertexType.PV, "", volume),
                new Vertex(VertexType.PVC, o.namespace(), o.name()));
          }
        }
        case "storage.k8s.io/VolumeAttachment" -> {
          String node = str(o.get("spec", "nodeName").orElse(null));
          if (!node.isEmpty()) {
            g.edge(new Vertex(VertexType.VOLUMEATTACHMENT, "", o.name()), nodeVertex(node));
          }
        }
        case "resource.k8s.io/ResourceSlice" -> {
          String node = str(o.get("spec", "nodeName").orElse(null));
          if (!node.isEmpty()) {
            g.edge(new Vertex(VertexType.RESOURCESLICE, "", o.name()), nodeVertex(node));
          }
        }
        default -> { }
      }
    }
    return g;
  }

  private void addPod(Unstructured pod) {
    String node = str(pod.get("spec", "nodeName").orElse(null));
    if (node.isEmpty()) {
      return;
    }
    String ns = pod.namespace();
    Vertex p = new Vertex(VertexType.POD, ns, pod.name());
    edge(p, nodeVertex(node));
    String sa = str(pod.get("spec", "serviceAccountName").orElse(null));
    edge(new Vertex(VertexType.SERVICEACCOUNT, ns, sa.isEmpty() ? "default" : sa), p);
    PodReferences refs = PodReferences.of(pod);
    refs.secrets().forEach(s -> edge(new Vertex(VertexType.SECRET, ns, s), p));
    refs.configMaps().forEach(c -> edge(new Vertex(VertexType.CONFIGMAP, ns, c), p));
    refs.claims().forEach(c -> edge(new Vertex(VertexType.PVC, ns, c), p));
    refs.resourceClaims().forEach(c -> edge(new Vertex(VertexType.RESOURCECLAIM, ns, c), p));
  }

  private static Vertex nodeVertex(String name) {
    return new Vertex(VertexType.NODE, "", name);
  }

  private void edge(Vertex from, Vertex to) {
    out.computeIfAbsent(from, k -> new HashSet<>()).add(to);
    out.computeIfAbsent(to, k -> new HashSet<>());
  }

  /** Returns the names of every node the graph knows, sorted. */
  public List<String> nodes() {
    return out.keySet().stream().filter(v -> v.type() == VertexType.NODE).map(Vertex::name)
        .sorted().toList();
  }

  /** Returns the names of the nodes an object of {@code type} is related to. */
  Set<String> nodesOf(VertexType type, String namespace, String name) {
    Set<String> nodes = new HashSet<>();
    Vertex start = new Vertex(type, namespace, name);
    if (!out.containsKey(start)) {
      return nodes;
    }
    Deque<Vertex> todo = new ArrayDeque<>(List.of(start));
    Set<Vertex> seen = new HashSet<>(todo);
    while (!todo.isEmpty()) {
      Vertex v = todo.pop();
      if (v.type() == VertexType.NODE) {
        nodes.add(v.name());
        continue;
      }
      for (Vertex next : out.getOrDefault(v, Set.of())) {
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    return nodes;
  }

  /**
   * Upstream's {@code hasPathFrom}: null when a path leads from the object to the node, else the
   * reason upstream logs (the authorizer's answer is the same either way).
   */
  @Nullable String pathError(String node, VertexType type, String namespace, String name) {
    String object = type.text() + " " + namespace + "/" + name;
    if (!out.containsKey(nodeVertex(node))) {
      return "unknown node '" + node + "' cannot get " + object;
    }
    if (!out.containsKey(new Vertex(type, namespace, name))) {
      return "node '" + node + "' cannot get unknown " + object;
    }
    if (!nodesOf(type, namespace, name).contains(node)) {
      return "node '" + node + "' cannot get " + object
          + ", no relationship to this object was found in the node authorizer graph";
    }
    return null;
  }

  static String str(@Nullable Object o) {
    return o instanceof String s ? s : "";
  }
}

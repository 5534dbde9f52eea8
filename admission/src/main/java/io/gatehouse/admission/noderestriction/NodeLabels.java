package io.gatehouse.admission.noderestriction;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which node labels a kubelet may not add, change or remove, as upstream's {@code
 * getForbiddenLabels}: anything in the {@code node-restriction.kubernetes.io} namespace (or a
 * subdomain of it), and {@code kubernetes.io}/{@code k8s.io} labels that are not kubelet labels
 * ({@code kubeletapis.IsKubeletLabel}: the well-known topology, OS, arch, instance-type and
 * hostname labels, and the {@code kubelet.kubernetes.io} and {@code node.kubernetes.io}
 * namespaces). Stateless.
 */
final class NodeLabels {

  private static final String NODE_RESTRICTION = "node-restriction.kubernetes.io";
  private static final Set<String> KUBELET_LABELS = Set.of("kubernetes.io/hostname",
      "topology.kubernetes.io/zone", "topology.kubernetes.io/region",
      "failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region",
      "beta.kubernetes.io/instance-type", "node.kubernetes.io/instance-type", "kubernetes.io/os",
      "kubernetes.io/arch", "beta.kubernetes.io/os", "beta.kubernetes.io/arch");
  private static final Set<String> KUBELET_NAMESPACES =
      Set.of("kubelet.kubernetes.io", "node.kubernetes.io");

  private NodeLabels() {}

  /** The keys whose values differ between {@code a} and {@code b} (added, removed or changed). */
  static Set<String> modified(Map<String, String> a, Map<String, String> b) {
    Set<String> out = new TreeSet<>();
    a.forEach((k, v) -> {
      if (!v.equals(b.get(k))) {
        out.add(k);
      }
    });
    b.forEach((k, v) -> {
      if (!v.equals(a.get(k))) {
        out.add(k);
      }
    });
    return out;
  }

  /** The modified labels a node may not touch, sorted as Go's {@code sets.String.List()}. */
  static Set<String> forbidden(Set<String> modified) {
    Set<String> out = new TreeSet<>();
    for (String label : modified) {
      String namespace = namespace(label);
      if (inDomain(namespace, NODE_RESTRICTION)) {
        out.add(label);
      }
      if ((inDomain(namespace, "kubernetes.io") || inDomain(namespace, "k8s.io"))
          && !kubeletLabel(label)) {
        out.add(label);
      }
    }
    return out;
  }

  private static boolean kubeletLabel(String key) {
    if (KUBELET_LABELS.contains(key)) {
      return true;
    }
    String namespace = namespace(key);
    return KUBELET_NAMESPACES.stream().anyMatch(n -> inDomain(namespace, n));
  }

  private static boolean inDomain(String namespace, String domain) {
    return namespace.equals(domain) || namespace.endsWith("." + domain);
  }

  private static String namespace(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? "" : key.substring(0, slash);
  }
}

package io.gatehouse.admission.noderestriction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which labels a node may set on its own Node: upstream's {@code getForbiddenLabels} over {@code
 * kubeletapis.IsKubeletLabel} ({@code staging/src/k8s.io/kubelet/pkg/apis/well_known_labels.go}).
 */
class NodeLabelsTest {

  private record Case(String label, boolean forbidden) {
    @Override
    public String toString() {
      return label + (forbidden ? " is forbidden" : " is allowed");
    }
  }

  static Stream<Case> labels() {
    return Stream.of(
        // kubeletLabels: the well-known labels kubelets set
        new Case("kubernetes.io/hostname", false),
        new Case("topology.kubernetes.io/zone", false),
        new Case("topology.kubernetes.io/region", false),
        new Case("failure-domain.beta.kubernetes.io/zone", false),
        new Case("failure-domain.beta.kubernetes.io/region", false),
        new Case("beta.kubernetes.io/instance-type", false),
        new Case("node.kubernetes.io/instance-type", false),
        new Case("kubernetes.io/os", false),
        new Case("kubernetes.io/arch", false),
        new Case("beta.kubernetes.io/os", false),
        new Case("beta.kubernetes.io/arch", false),
        // kubeletLabelNamespaces and their subdomains
        new Case("kubelet.kubernetes.io/anything", false),
        new Case("a.kubelet.kubernetes.io/anything", false),
        new Case("node.kubernetes.io/windows-build", false),
        new Case("pool.node.kubernetes.io/name", false),
        // other kubernetes.io and k8s.io labels
        new Case("kubernetes.io/role", true),
        new Case("node-role.kubernetes.io/control-plane", true),
        new Case("topology.kubernetes.io/rack", true),
        new Case("xnode.kubernetes.io/a", true),
        new Case("k8s.io/a", true),
        new Case("example.k8s.io/a", true),
        // the node-restriction namespace
        new Case("node-restriction.kubernetes.io/a", true),
        new Case("team.node-restriction.kubernetes.io/a", true),
        // labels outside those domains, and keys without a prefix
        new Case("example.com/a", false),
        new Case("kubernetes.io.example.com/a", false),
        new Case("role", false),
        new Case("node.kubernetes.io", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labels")
  void forbidden_label_asUpstream(Case c) {
    assertThat(NodeLabels.forbidden(Set.of(c.label())))
        .isEqualTo(c.forbidden() ? Set.of(c.label()) : Set.of());
  }
}

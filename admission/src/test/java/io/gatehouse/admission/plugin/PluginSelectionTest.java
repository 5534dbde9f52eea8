package io.gatehouse.admission.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PluginSelectionTest {

  private static final List<String> DEFAULT_ORDER = List.of("NamespaceLifecycle", "LimitRanger",
      "ServiceAccount", "NodeRestriction", "TaintNodesByCondition", "PodSecurity", "Priority",
      "DefaultTolerationSeconds", "DefaultStorageClass", "StorageObjectInUseProtection",
      "PersistentVolumeClaimResize", "RuntimeClass", "CertificateApproval", "CertificateSigning",
      "ClusterTrustBundleAttest", "CertificateSubjectRestriction", "DefaultIngressClass",
      "PodTopologyLabels", "MutatingAdmissionPolicy", "MutatingAdmissionWebhook",
      "ValidatingAdmissionPolicy", "ValidatingAdmissionWebhook", "ResourceQuota");

  @Test
  void of_noFlags_upstreamDefaultsPlusNodeRestrictionInUpstreamOrder() {
    PluginSelection s = PluginSelection.DEFAULT;

    assertThat(s.errors()).isEmpty();
    assertThat(s.enabled()).containsExactlyElementsOf(DEFAULT_ORDER);
    assertThat(s.notEnforced()).doesNotContain("ServiceAccount", "LimitRanger", "Priority",
        "DefaultTolerationSeconds", "DefaultStorageClass", "PodSecurity", "NodeRestriction",
        "ValidatingAdmissionPolicy", "NamespaceLifecycle").contains("ResourceQuota");
  }

  private record Case(String name, List<String> enable, List<String> disable,
      List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> errorCases() {
    return Stream.of(
        new Case("unknown enabled", List.of("Foo"), List.of(),
            List.of("enable-admission-plugins plugin \"Foo\" is unknown")),
        new Case("unknown disabled", List.of(), List.of("Bar", "Priority"),
            List.of("disable-admission-plugins plugin \"Bar\" is unknown")),
        new Case("overlap, sorted", List.of("Priority", "LimitRanger"),
            List.of("Priority", "LimitRanger"),
            List.of("[LimitRanger Priority] in enable-admission-plugins and "
                + "disable-admission-plugins overlapped")),
        new Case("off by default upstream and not implemented", List.of("AlwaysPullImages"),
            List.of(), List.of("enable-admission-plugins plugin \"AlwaysPullImages\" is not "
                + "implemented by Gatehouse")),
        new Case("restating upstream defaults is fine",
            List.of("NamespaceLifecycle", "ResourceQuota", "MutatingAdmissionWebhook"),
            List.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorCases")
  void of_flags_reportsUpstreamErrors(Case c) {
    assertThat(PluginSelection.of(c.enable(), c.disable()).errors())
        .containsExactlyElementsOf(c.errors());
  }

  @Test
  void of_disable_removesFromDefaultsKeepingOrder() {
    PluginSelection s = PluginSelection.of(List.of(), List.of("ServiceAccount", "NodeRestriction"));

    assertThat(s.enabled()).doesNotContain("ServiceAccount", "NodeRestriction")
        .startsWith("NamespaceLifecycle", "LimitRanger", "TaintNodesByCondition");
  }

  @Test
  void ordered_matchesUpstreamCount() {
    assertThat(PluginNames.ORDERED).hasSize(36).doesNotHaveDuplicates()
        .containsAll(PluginNames.UPSTREAM_DEFAULT_ON).containsAll(PluginNames.IMPLEMENTED);
  }
}

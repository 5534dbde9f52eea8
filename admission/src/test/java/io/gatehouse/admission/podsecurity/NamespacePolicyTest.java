package io.gatehouse.admission.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Namespace labels resolved over defaults, as upstream's {@code PolicyToEvaluate}. */
class NamespacePolicyTest {

  private static final Policy DEFAULTS =
      new Policy(
          LevelVersion.parse("baseline:v1.20"),
          LevelVersion.parse("privileged:latest"),
          LevelVersion.parse("restricted:v1.25"));

  private record Case(
      String name,
      Map<String, String> labels,
      String enforce,
      String audit,
      String warn,
      List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "no labels keep the defaults",
            Map.of(),
            "baseline:v1.20",
            "privileged:latest",
            "restricted:v1.25",
            List.of()),
        new Case(
            "level label keeps the default version",
            Map.of("pod-security.kubernetes.io/enforce", "restricted"),
            "restricted:v1.20",
            "privileged:latest",
            "restricted:v1.25",
            List.of()),
        new Case(
            "every label",
            Map.of(
                "pod-security.kubernetes.io/enforce", "privileged",
                "pod-security.kubernetes.io/enforce-version", "v1.3",
                "pod-security.kubernetes.io/audit", "baseline",
                "pod-security.kubernetes.io/audit-version", "latest",
                "pod-security.kubernetes.io/warn", "restricted",
                "pod-security.kubernetes.io/warn-version", "v1.100",
                "other", "ignored"),
            "privileged:v1.3",
            "baseline:latest",
            "restricted:v1.100",
            List.of()),
        new Case(
            "invalid enforce level fails closed",
            Map.of("pod-security.kubernetes.io/enforce", "Restricted"),
            "restricted:v1.20",
            "privileged:latest",
            "restricted:v1.25",
            List.of(
                "metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value:"
                    + " \"Restricted\": must be one of privileged, baseline, restricted")),
        new Case(
            "invalid audit and warn levels fail open",
            Map.of(
                "pod-security.kubernetes.io/audit",
                "strict",
                "pod-security.kubernetes.io/warn",
                ""),
            "baseline:v1.20",
            "privileged:latest",
            "privileged:v1.25",
            List.of(
                "metadata.labels[pod-security.kubernetes.io/audit]: Invalid value: \"strict\": must"
                    + " be one of privileged, baseline, restricted",
                "metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: \"\": must be one"
                    + " of privileged, baseline, restricted")),
        new Case(
            "invalid versions become latest",
            Map.of(
                "pod-security.kubernetes.io/enforce-version", "v1.01",
                "pod-security.kubernetes.io/audit-version", "v2.0",
                "pod-security.kubernetes.io/warn-version", "1.25"),
            "baseline:latest",
            "privileged:latest",
            "restricted:latest",
            List.of(
                "metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value:"
                    + " \"v1.01\": must be \"latest\" or \"v1.x\"",
                "metadata.labels[pod-security.kubernetes.io/audit-version]: Invalid value:"
                    + " \"v2.0\": must be \"latest\" or \"v1.x\"",
                "metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: \"1.25\":"
                    + " must be \"latest\" or \"v1.x\"")),
        new Case(
            "errors in upstream order",
            Map.of(
                "pod-security.kubernetes.io/warn", "x",
                "pod-security.kubernetes.io/enforce-version", "y",
                "pod-security.kubernetes.io/enforce", "z"),
            "restricted:latest",
            "privileged:latest",
            "privileged:v1.25",
            List.of(
                "metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: \"z\": must be"
                    + " one of privileged, baseline, restricted",
                "metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: \"y\":"
                    + " must be \"latest\" or \"v1.x\"",
                "metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: \"x\": must be"
                    + " one of privileged, baseline, restricted")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fromLabels_labels_upstreamPolicyAndErrors(Case c) {
    NamespacePolicy p = NamespacePolicy.fromLabels(c.labels(), DEFAULTS);

    assertThat(p.policy().enforce()).hasToString(c.enforce());
    assertThat(p.policy().audit()).hasToString(c.audit());
    assertThat(p.policy().warn()).hasToString(c.warn());
    assertThat(p.errors()).extracting(FieldError::message).isEqualTo(c.errors());
  }
}

package io.gatehouse.admission.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.podsecurity.PodSecurityConfigurationLoader.Failed;
import io.gatehouse.admission.podsecurity.PodSecurityConfigurationLoader.Loaded;
import io.gatehouse.admission.podsecurity.PodSecurityConfigurationLoader.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the plugin configuration: upstream's {@code load_test.go} cases as data, and more. */
class PodSecurityConfigurationLoaderTest {

  private static final PodSecurityConfiguration ENFORCE_BASELINE =
      new PodSecurityConfiguration(
          new PodSecurityConfiguration.Defaults("baseline", "", "", "", "", ""),
          new PodSecurityConfiguration.Exemptions(List.of(), List.of(), List.of()));
  private static final PodSecurityConfiguration WITH_EXEMPTIONS =
      new PodSecurityConfiguration(
          new PodSecurityConfiguration.Defaults("baseline", "v1.7", "", "", "", ""),
          new PodSecurityConfiguration.Exemptions(
              List.of("alice", "bob"), List.of("kube-system"), List.of("special")));

  private record Case(String name, String data, PodSecurityConfiguration expected, String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String exemptionsYaml =
        """
        apiVersion: pod-security.admission.config.k8s.io/%s
        kind: PodSecurityConfiguration
        defaults:
          enforce: baseline
          enforce-version: v1.7
        exemptions:
          usernames: ["alice","bob"]
          namespaces: ["kube-system"]
          runtimeClasses: ["special"]
        """;
    String json =
        "{\"apiVersion\":\"pod-security.admission.config.k8s.io/%s\","
            + "\"kind\":\"PodSecurityConfiguration\",\"defaults\":{\"enforce\":\"baseline\"}}";
    return Stream.of(
        new Case("empty", "", PodSecurityConfiguration.DEFAULT, ""),
        new Case("v1alpha1 - json", json.formatted("v1alpha1"), ENFORCE_BASELINE, ""),
        new Case("v1alpha1 - yaml", exemptionsYaml.formatted("v1alpha1"), WITH_EXEMPTIONS, ""),
        new Case("v1beta1 - json", json.formatted("v1beta1"), ENFORCE_BASELINE, ""),
        new Case("v1beta1 - yaml", exemptionsYaml.formatted("v1beta1"), WITH_EXEMPTIONS, ""),
        new Case("v1 - json", json.formatted("v1"), ENFORCE_BASELINE, ""),
        new Case("v1 - yaml", exemptionsYaml.formatted("v1"), WITH_EXEMPTIONS, ""),
        new Case(
            "embedded in AdmissionConfiguration",
            """
            apiVersion: apiserver.config.k8s.io/v1
            kind: AdmissionConfiguration
            plugins:
            - name: Other
              configuration: {}
            - name: PodSecurity
              configuration:
                apiVersion: pod-security.admission.config.k8s.io/v1
                kind: PodSecurityConfiguration
                defaults: {enforce: baseline}
            """,
            ENFORCE_BASELINE,
            ""),
        new Case(
            "AdmissionConfiguration without PodSecurity",
            "apiVersion: apiserver.config.k8s.io/v1\nkind: AdmissionConfiguration\nplugins: []\n",
            PodSecurityConfiguration.DEFAULT,
            ""),
        new Case(
            "missing apiVersion",
            "{\"kind\":\"PodSecurityConfiguration\"}",
            PodSecurityConfiguration.DEFAULT,
            "apiVersion not set"),
        new Case(
            "unknown group",
            "{\"apiVersion\":\"apps/v1alpha1\",\"kind\":\"PodSecurityConfiguration\"}",
            PodSecurityConfiguration.DEFAULT,
            "apps/v1alpha1"),
        new Case(
            "unknown version",
            "{\"apiVersion\":\"pod-security.admission.config.k8s.io/v99\",\"kind\":\"PodSecurityConfiguration\"}",
            PodSecurityConfiguration.DEFAULT,
            "no kind \"PodSecurityConfiguration\" is registered for version"
                + " \"pod-security.admission.config.k8s.io/v99\""),
        new Case(
            "unknown kind",
            "{\"apiVersion\":\"pod-security.admission.config.k8s.io/v1alpha1\",\"kind\":\"SomeConfiguration\"}",
            PodSecurityConfiguration.DEFAULT,
            "SomeConfiguration"),
        new Case(
            "unknown field",
            "{\"apiVersion\":\"pod-security.admission.config.k8s.io/v1alpha1\","
                + "\"kind\":\"PodSecurityConfiguration\",\"deflaults\":{\"enforce\":\"baseline\"}}",
            PodSecurityConfiguration.DEFAULT,
            "strict decoding error: unknown field \"deflaults\""),
        new Case(
            "nested unknown field",
            "{\"apiVersion\":\"pod-security.admission.config.k8s.io/v1\","
                + "\"kind\":\"PodSecurityConfiguration\",\"defaults\":{\"enforced\":\"baseline\"}}",
            PodSecurityConfiguration.DEFAULT,
            "strict decoding error: unknown field \"defaults.enforced\""),
        new Case(
            "wrong type",
            "{\"apiVersion\":\"pod-security.admission.config.k8s.io/v1\","
                + "\"kind\":\"PodSecurityConfiguration\",\"defaults\":{\"enforce\":1}}",
            PodSecurityConfiguration.DEFAULT,
            "json: cannot unmarshal number into Go struct field"
                + " PodSecurityDefaults.defaults.enforce of type string"),
        new Case(
            "invalid default level",
            "{\"apiVersion\":\"pod-security.admission.config.k8s.io/v1\","
                + "\"kind\":\"PodSecurityConfiguration\",\"defaults\":{\"enforce\":\"baslein\","
                + "\"warn-version\":\"v.122\"}}",
            PodSecurityConfiguration.DEFAULT,
            "PodSecurity configuration error: [Enforce.Level: must be one of privileged, baseline,"
                + " restricted, Warn.Version: must be \"latest\" or \"v1.x\"]"),
        new Case(
            "invalid exemption",
            "{\"apiVersion\":\"pod-security.admission.config.k8s.io/v1\","
                + "\"kind\":\"PodSecurityConfiguration\",\"exemptions\":{\"usernames\":[\"\"]}}",
            PodSecurityConfiguration.DEFAULT,
            "PodSecurity invalid: exemptions.usernames[0]: Required value"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void load_data_configurationOrError(Case c) {
    Result r = PodSecurityConfigurationLoader.load("config.yaml", bytes(c.data()), null);

    if (c.error().isEmpty()) {
      assertThat(r).isEqualTo(new Loaded(c.expected()));
    } else {
      assertThat(r).isInstanceOf(Failed.class);
      assertThat(((Failed) r).errors()).singleElement().asString().contains(c.error());
    }
  }

  @Test
  void load_admissionConfigurationWithRelativePath_readsSibling(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("psa.yaml"),
        "apiVersion: pod-security.admission.config.k8s.io/v1beta1\n"
            + "kind: PodSecurityConfiguration\ndefaults: {enforce: baseline}\n");
    Path admission = dir.resolve("admission.yaml");
    Files.writeString(
        admission,
        "apiVersion: apiserver.config.k8s.io/v1alpha1\nkind: AdmissionConfiguration\n"
            + "plugins: [{name: PodSecurity, path: psa.yaml}]\n");

    assertThat(PodSecurityConfigurationLoader.load(admission))
        .isEqualTo(new Loaded(ENFORCE_BASELINE));
  }

  @Test
  void load_missingFile_failsNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("bogus-missing-pod-security-policy-config-file");

    assertThat(PodSecurityConfigurationLoader.load(missing))
        .isEqualTo(new Failed(List.of("open " + missing + ": no such file or directory")));
  }

  @Test
  void validate_upstreamExemptionCases_everyError() {
    String tooLong = "testtesttesttesttesttesttesttesttesttesttesttesttesttesttesttest";
    String label =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
            + " and must start and end with an alphanumeric character (e.g. 'my-name',  or"
            + " '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    String subdomain =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-'"
            + " or '.', and must start and end with an alphanumeric character (e.g."
            + " 'example.com', regex used for validation is"
            + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    PodSecurityConfiguration config =
        new PodSecurityConfiguration(
            new PodSecurityConfiguration.Defaults(
                "privileged", "v1.22", "baseline", "v1.25", "restricted", "latest"),
            new PodSecurityConfiguration.Exemptions(
                List.of("", "testing", "testing"),
                List.of("", "_&$%#", "TEST", tooLong, "testing", "testing", "a.b"),
                List.of("", "_&$%#", "TEST", "testing", "testing")));

    assertThat(config.validate())
        .extracting(FieldError::message)
        .containsExactly(
            "exemptions.namespaces[0]: Invalid value: \"\": " + label,
            "exemptions.namespaces[1]: Invalid value: \"_&$%#\": " + label,
            "exemptions.namespaces[2]: Invalid value: \"TEST\": " + label,
            "exemptions.namespaces[3]: Invalid value: \""
                + tooLong
                + "\": must be no more than 63 characters",
            "exemptions.namespaces[5]: Duplicate value: \"testing\"",
            "exemptions.namespaces[6]: Invalid value: \"a.b\": must not contain dots",
            "exemptions.runtimeClasses[0]: Invalid value: \"\": " + subdomain,
            "exemptions.runtimeClasses[1]: Invalid value: \"_&$%#\": " + subdomain,
            "exemptions.runtimeClasses[2]: Invalid value: \"TEST\": " + subdomain,
            "exemptions.runtimeClasses[4]: Duplicate value: \"testing\"",
            "exemptions.usernames[0]: Required value",
            "exemptions.usernames[2]: Duplicate value: \"testing\"");
  }

  @Test
  void defaultPolicy_defaultedConfiguration_privilegedLatest() {
    assertThat(PodSecurityConfiguration.DEFAULT.defaultPolicy()).isEqualTo(Policy.PRIVILEGED);
    assertThat(PodSecurityConfiguration.DEFAULT.initializationError()).isEmpty();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

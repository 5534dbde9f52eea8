package io.gatehouse.admission.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Denial;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.codec.ManifestDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream's conformance fixtures ({@code ../shared/conformance/pod-security}): every file under
 * {@code pass/} is allowed at exactly its level and version, every file under {@code fail/} is
 * denied by the check its name starts with (or, at restricted, by the check overriding it). As
 * upstream's harness ({@code test/run.go}) does, each pod is also created through the plugin in a
 * namespace enforcing and warning at that level and version (denied, or allowed without a warning),
 * and wrapped in a Deployment (warned about, never denied). Skipped with a message on a clone
 * without {@code ../shared}; a failure under {@code CI=true}.
 */
class PodSecurityConformanceTest {

  private static final String FIXTURES = "conformance/pod-security";
  private static final Evaluator EVALUATOR = Evaluator.create();
  private static final GroupVersionKind POD = new GroupVersionKind("", "v1", "Pod");
  private static final GroupVersionKind DEPLOYMENT =
      new GroupVersionKind("apps", "v1", "Deployment");
  private static final Map<String, Check> CHECKS_BY_FILE_PREFIX = new HashMap<>();

  static {
    for (Check c : Checks.defaults(Features.DEFAULT)) {
      CHECKS_BY_FILE_PREFIX.put(c.id().toLowerCase(Locale.ROOT), c);
    }
  }

  private record Case(String name, @Nullable Path file, @Nullable Path root) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> fixtures() throws IOException {
    Optional<Path> dir = SharedDirectory.find(FIXTURES);
    if (dir.isEmpty()) {
      return Stream.of(new Case("../shared/" + FIXTURES + " (missing)", null, null));
    }
    Path root = dir.get();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    return files.stream().map(f -> new Case(root.relativize(f).toString(), f, root));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void evaluate_fixture_matchesExpectation(Case c) {
    if (c.file() == null) {
      String message =
          "conformance fixtures not found at ../shared/"
              + FIXTURES
              + " beside the project root "
              + SharedDirectory.projectRoot();
      if (SharedDirectory.ci()) {
        fail(message + " (required under CI=true)");
      }
      assumeTrue(false, message + "; skipping Pod Security conformance");
      return;
    }
    Path rel = c.root().relativize(c.file());
    Level level = Level.parse(rel.getName(0).toString());
    Version version = Version.parse(rel.getName(1).toString());
    boolean pass = rel.getName(2).toString().equals("pass");
    LevelVersion lv = new LevelVersion(level, version);
    Unstructured pod = decode(c.file());

    PolicyEvaluation result = EVALUATOR.evaluateObject(pod, lv).orElseThrow().evaluation();
    AdmissionResult created = admit(lv, pod, "pods", POD);
    AdmissionResult deployed = admit(lv, deployment(pod), "deployments", DEPLOYMENT);

    if (pass) {
      assertThat(result.violations()).as(result.forbiddenDetail()).isEmpty();
      assertThat(created)
          .isEqualTo(
              new Response()
                  .annotate(PodSecurityKeys.ENFORCE_POLICY_ANNOTATION, lv.toString())
                  .evaluated(lv, "enforce")
                  .evaluated(LevelVersion.PRIVILEGED_LATEST, "audit")
                  .evaluated(lv, "warn")
                  .toResult());
      assertThat(deployed.warnings()).isEmpty();
      return;
    }
    String expected = expectedCheck(rel.getFileName().toString(), lv);
    assertThat(result.violations()).extracting(Violation::check).contains(expected);
    assertThat(created.allowed()).isFalse();
    assertThat(created.denials()).extracting(Denial::check).contains(expected);
    assertThat(created.status().message())
        .startsWith(
            "pods \"" + pod.name() + "\" is forbidden: violates PodSecurity \"" + lv + "\": ");
    assertThat(deployed.allowed()).isTrue();
    assertThat(deployed.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.check().split(",")).contains(expected));
  }

  /** Admits {@code object} into a namespace enforcing and warning at {@code lv}, as run.go does. */
  private static AdmissionResult admit(
      LevelVersion lv, Unstructured object, String resource, GroupVersionKind kind) {
    FakeClusterState cluster =
        new FakeClusterState()
            .namespace(
                "conformance",
                "pod-security.kubernetes.io/enforce: "
                    + lv.level()
                    + ", pod-security.kubernetes.io/enforce-version: "
                    + lv.version()
                    + ", pod-security.kubernetes.io/warn: "
                    + lv.level()
                    + ", pod-security.kubernetes.io/warn-version: "
                    + lv.version());
    PodSecurityAdmission plugin =
        PodSecurityAdmission.create(PodSecurityConfiguration.DEFAULT, EVALUATOR, cluster);
    return plugin.admit(
        new AdmissionAttributes(
            object,
            null,
            kind,
            new GroupVersionResource(kind.group(), kind.version(), resource),
            "",
            "conformance",
            object.name(),
            Operation.CREATE,
            null,
            false,
            UserInfo.of("e2e")));
  }

  /** Wraps the pod in a Deployment's template, as run.go does. */
  private static Unstructured deployment(Unstructured pod) {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("metadata", pod.metadata());
    template.put("spec", pod.object().get("spec"));
    return Unstructured.copyOf(
        Map.of(
            "apiVersion",
            "apps/v1",
            "kind",
            "Deployment",
            "metadata",
            Map.of("name", pod.name(), "namespace", "conformance"),
            "spec",
            Map.of("template", template)));
  }

  /** The check a fail fixture is named for, or the restricted check overriding it at {@code lv}. */
  private static String expectedCheck(String fileName, LevelVersion lv) {
    String prefix = fileName.replaceAll("[0-9]*\\.yaml$", "");
    Check named = CHECKS_BY_FILE_PREFIX.get(prefix);
    assertThat(named).as("check for fixture " + fileName).isNotNull();
    if (EVALUATOR.checkIds(lv).contains(named.id())) {
      return named.id();
    }
    for (Check c : CHECKS_BY_FILE_PREFIX.values()) {
      if (c.level() == Level.RESTRICTED && EVALUATOR.checkIds(lv).contains(c.id())) {
        for (VersionedCheck v : c.versions()) {
          if (!v.minimumVersion().older(Version.of(0))
              && !lv.version().older(v.minimumVersion())
              && v.overrides().contains(named.id())) {
            return c.id();
          }
        }
      }
    }
    throw new AssertionError("no check runs for " + fileName + " at " + lv);
  }

  private static Unstructured decode(Path file) {
    try {
      ManifestDecoder.Result r = ManifestDecoder.decode(file.toString(), Files.readAllBytes(file));
      assertThat(r.errors()).isEmpty();
      assertThat(r.manifests()).hasSize(1);
      return r.manifests().get(0).object();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.gatehouse.admission.validating;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.FakeCluster;
import io.gatehouse.admission.Manifests;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole requests read from {@code src/test/resources/io/gatehouse/admission/validating/<case>/}:
 * {@code policies.yaml}, {@code cluster.yaml}, {@code request.yaml}, compared with {@code
 * expected.yaml} (the Status as the API serves it, every denial, warnings, audit annotations).
 */
class GoldenCasesTest {

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path root = Path.of(Objects.requireNonNull(GoldenCasesTest.class.getResource("")).toURI());
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.exists(d.resolve("policies.yaml"))).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_goldenCase_matchesExpected(Path dir) throws IOException {
    var plugin = ValidatingAdmissionPolicyPlugin.create(
        Manifests.of(Files.readString(dir.resolve("policies.yaml"))),
        ValidatingAdmissionPolicyPlugin.Options.DEFAULT);
    assertThat(plugin.problems()).isEmpty();
    FakeCluster cluster = FakeCluster.create();
    for (Unstructured o : Manifests.of(Files.readString(dir.resolve("cluster.yaml")))) {
      if (o.kind().equals("CustomResourceDefinition")) {
        cluster.crds(o);
      } else {
        cluster.add(o);
      }
    }
    AdmissionResult result = plugin.validate(request(Files.readString(dir.resolve("request.yaml"))), cluster,
        Fixtures.ALLOW_ALL);
    Map<String, Object> expected =
        new LinkedHashMap<>(Manifests.one(Files.readString(dir.resolve("expected.yaml"))).object());
    expected.remove("apiVersion");
    expected.remove("kind");
    assertThat(toMap(result)).isEqualTo(expected);
  }

  private static AdmissionAttributes request(String yaml) {
    Map<String, Object> r = Manifests.one(yaml).object();
    Unstructured object = r.get("object") instanceof Map<?, ?> m ? Unstructured.copyOf(cast(m)) : null;
    Unstructured old = r.get("oldObject") instanceof Map<?, ?> m ? Unstructured.copyOf(cast(m)) : null;
    Map<?, ?> res = (Map<?, ?>) r.get("resource");
    Map<?, ?> user = (Map<?, ?>) r.get("user");
    Unstructured subject = object != null ? object : old;
    List<String> groups = user.get("groups") instanceof List<?> l
        ? l.stream().map(String::valueOf).toList() : List.of();
    return new AdmissionAttributes(object, old, subject.groupVersionKind(),
        new GroupVersionResource((String) res.get("group"), (String) res.get("version"), (String) res.get("resource")),
        "", subject.namespace(), subject.name(), Operation.parse((String) r.get("operation")), null, false,
        new UserInfo((String) user.get("name"), "", groups, Map.of()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> m) {
    return (Map<String, ?>) m;
  }

  private static Map<String, Object> toMap(AdmissionResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("allowed", r.allowed());
    if (r.status() != null) {
      m.put("status", r.status().toMap());
    }
    m.put("denials", r.denials().stream().map(d -> {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("policy", d.policy());
      dm.put("binding", d.binding());
      dm.put("message", d.message());
      dm.put("reason", d.reason());
      dm.put("code", (long) d.code());
      dm.put("expression", d.expression());
      dm.put("check", d.check());
      return dm;
    }).toList());
    m.put("warnings", r.warnings().stream().map(io.gatehouse.admission.Warning::message).toList());
    m.put("auditAnnotations", new LinkedHashMap<>(r.auditAnnotations()));
    return Unstructured.copyOf(m).object();
  }
}

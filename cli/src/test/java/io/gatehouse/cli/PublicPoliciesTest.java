package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Public ValidatingAdmissionPolicy collections written for kube-apiserver, run through {@code
 * gatehouse admit -o json}. Each directory under {@code public/} holds {@code policies/} (policies,
 * bindings and their params, each file naming its origin and license), an optional {@code
 * cluster.yaml} and {@code cases.yaml}: one document per admission request with the verdict and
 * texts worked out from upstream's semantics.
 *
 * <p>A case document: {@code name}, {@code operation} (default CREATE), {@code user} and {@code
 * groups}, {@code object}, {@code oldObject} and {@code expect}: {@code allowed}, {@code denials}
 * (every denial message, in order), {@code warnings}, {@code auditAnnotations}, {@code status}
 * (the Status message). Cases of one directory with the same operation and identity run in one
 * invocation, in input order, as a user would run them.
 */
class PublicPoliciesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of("src/test/resources/io/gatehouse/cli/public");

  private record Source(String name) {
    @Override
    public String toString() {
      return name;
    }
  }

  private record Case(String name, String operation, List<String> identity, JsonNode doc) {}

  static Stream<Source> sources() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).map(d -> new Source(d.getFileName().toString()))
          .sorted(java.util.Comparator.comparing(Source::name)).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void admit_publicPolicies_matchUpstreamVerdicts(Source source, @TempDir Path tmp)
      throws IOException {
    Path dir = ROOT.resolve(source.name());
    Map<List<String>, List<Case>> groups = new LinkedHashMap<>();
    for (JsonNode doc : documents(dir.resolve("cases.yaml"))) {
      String op = doc.path("operation").asText("CREATE");
      List<String> identity = new ArrayList<>(List.of(op));
      if (doc.has("user")) {
        identity.add("--user");
        identity.add(doc.get("user").asText());
        doc.path("groups").forEach(g -> {
          identity.add("--group");
          identity.add(g.asText());
        });
      }
      groups.computeIfAbsent(identity, k -> new ArrayList<>())
          .add(new Case(doc.get("name").asText(), op, identity, doc));
    }
    List<String> mismatches = new ArrayList<>();
    int group = 0;
    for (Map.Entry<List<String>, List<Case>> e : groups.entrySet()) {
      List<Case> cases = e.getValue();
      Path resources = tmp.resolve("resources-" + group + ".yaml");
      Path olds = tmp.resolve("old-" + group + ".yaml");
      group++;
      writeAll(resources, cases.stream().map(c -> c.doc().get("object")).toList());
      List<JsonNode> oldObjects =
          cases.stream().map(c -> c.doc().get("oldObject")).filter(o -> o != null).toList();
      List<String> args = new ArrayList<>(List.of("admit", "--policy", dir.resolve("policies").toString()));
      if (Files.exists(dir.resolve("cluster.yaml"))) {
        args.addAll(List.of("--cluster", dir.resolve("cluster.yaml").toString()));
      }
      args.addAll(List.of("--resource", resources.toString(), "--operation", e.getKey().get(0)));
      if (!oldObjects.isEmpty()) {
        writeAll(olds, oldObjects);
        args.addAll(List.of("--old-resource", olds.toString()));
      }
      args.addAll(e.getKey().subList(1, e.getKey().size()));
      args.addAll(List.of("-o", "json"));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Gatehouse.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
      JsonNode report = JSON.readTree(out.toString());
      assertThat(report.get("errors")).as(source + " " + err).isEmpty();
      assertThat(report.get("policyProblems")).as(source + " policy problems").isEmpty();
      JsonNode results = report.get("results");
      assertThat(results).as(source + " results").hasSize(cases.size());
      boolean anyDenied = false;
      for (int i = 0; i < cases.size(); i++) {
        Case c = cases.get(i);
        JsonNode r = results.get(i);
        anyDenied |= !r.get("allowed").asBoolean();
        Map<String, Object> actual = new LinkedHashMap<>();
        Map<String, Object> wanted = new LinkedHashMap<>();
        c.doc().get("expect").fields().forEachRemaining(f -> {
          wanted.put(f.getKey(), JSON.convertValue(f.getValue(), Object.class));
          actual.put(f.getKey(), JSON.convertValue(actual(f.getKey(), r), Object.class));
        });
        if (!actual.equals(wanted)) {
          mismatches.add(c.name() + "\n  expected: " + wanted + "\n  actual:   " + actual);
        }
      }
      assertThat(code).as(source + " exit code").isEqualTo(anyDenied ? 1 : 0);
    }
    assertThat(mismatches).as(source.toString()).isEmpty();
  }

  private static JsonNode actual(String key, JsonNode result) {
    return switch (key) {
      case "allowed" -> result.get("allowed");
      case "denials" -> messages(result.get("denials"));
      case "warnings" -> messages(result.get("warnings"));
      case "auditAnnotations" -> result.get("auditAnnotations");
      case "status" -> result.path("status").path("message");
      default -> throw new IllegalArgumentException("unknown expectation " + key);
    };
  }

  private static JsonNode messages(JsonNode list) {
    var array = JSON.createArrayNode();
    list.forEach(n -> array.add(n.get("message").asText()));
    return array;
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    ManifestDecoder.Result decoded =
        ManifestDecoder.decode(file.toString(), Files.readAllBytes(file));
    assertThat(decoded.errors()).as(file.toString()).isEmpty();
    return decoded.manifests().stream().map(Manifest::object)
        .map(o -> (JsonNode) JSON.valueToTree(o.object())).toList();
  }

  private static void writeAll(Path file, List<JsonNode> objects) throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (JsonNode o : objects) {
      yaml.append("---\n").append(JSON.writeValueAsString(o)).append('\n');
    }
    Files.writeString(file, yaml.toString());
  }
}

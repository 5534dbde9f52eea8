package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: the packaged {@code gatehouse.jar} and the {@code ./gatehouse} launcher run as
 * separate processes, as users and CI run them — exit codes, stdout, stderr.
 */
class GatehouseCliIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Result(int code, String out, String err) {}

  private static Result jar(String stdin, String... args) throws Exception {
    return exec(GatehouseJar.command(args), stdin, Map.of());
  }

  private static Result exec(List<String> cmd, String stdin, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
    pb.environment().putAll(env);
    Path out = Files.createTempFile("gatehouse-out", ".txt");
    Path err = Files.createTempFile("gatehouse-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
    Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  @Test
  void admit_examplesReadmeCommand_deniesThreeOfFiveAndExitsOne() throws Exception {
    Result r = jar("", "admit", "--policy", "examples/policies", "--cluster", "examples/cluster",
        "--resource", "examples/resources", "-o", "json");
    assertThat(r.code()).isEqualTo(1);
    JsonNode results = JSON.readTree(r.out()).get("results");
    assertThat(results).hasSize(5);
    long denied = 0;
    for (JsonNode n : results) {
      denied += n.get("allowed").asBoolean() ? 0 : 1;
    }
    assertThat(denied).isEqualTo(3);
  }

  @Test
  void admit_stdinResource_isAdmitted() throws Exception {
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-stdin}\ndata: {a: b}\n";
    Result r = jar(cm, "admit", "--policy", "examples/policies", "--resource", "-", "-o", "json");
    assertThat(r.code()).isZero();
    assertThat(JSON.readTree(r.out()).at("/results/0/resource/name").asText())
        .isEqualTo("from-stdin");
    assertThat(JSON.readTree(r.out()).at("/results/0/source").asText()).isEqualTo("<stdin>:1");
  }

  @Test
  void admit_malformedInputs_exitTwoWithFileLineAndNoStackTrace(@TempDir Path dir)
      throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.write(bad, ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
        + "kind: Pod\n---\n{not: [valid\n").getBytes(StandardCharsets.UTF_8));
    Path binary = dir.resolve("binary.yaml");
    Files.write(binary, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
    Result r = jar("", "admit", "--policy", "examples/policies", "--resource", bad.toString(),
        "--resource", binary.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(bad + ":5: apiVersion not set");
    assertThat(r.err()).contains(binary + ":1: invalid UTF-8");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).contains("ALLOWED  CREATE ConfigMap default/a");
  }

  @Test
  void celEval_batchOnStdin_answersEachLine() throws Exception {
    String batch = "{\"id\":1,\"expression\":\"quantity('1Gi').isGreaterThan(quantity('512Mi'))\"}\n"
        + "{\"id\":2,\"expression\":\"x.y\",\"variables\":{\"x\":{}}}\n";
    Result r = jar(batch, "cel", "eval", "--batch", "-");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).containsExactly(
        "{\"id\":1,\"value\":true}",
        "{\"id\":2,\"error\":\"no such key: y\",\"phase\":\"runtime\"}");
  }

  @Test
  void usage_unknownFlag_exitsTwo() throws Exception {
    Result r = jar("", "admit", "--policy", "examples/policies", "--resource",
        "examples/resources", "--frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--frobnicate'");
  }

  @Test
  void launcher_withoutJdk21_failsWithOneLine(@TempDir Path emptyJvmDir) throws Exception {
    Result r = exec(List.of(ROOT.resolve("gatehouse").toString(), "--version"), "",
        Map.of("JAVA_HOME", "", "GATEHOUSE_JVM_DIR", emptyJvmDir.toString()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo(
        "gatehouse: no JDK 21 or newer found (set JAVA_HOME to one, or install one under"
            + " /usr/lib/jvm)");
  }

  @Test
  void launcher_withBuiltJar_runsTheCli() throws Exception {
    Result r = exec(List.of(ROOT.resolve("gatehouse").toString(), "--version"), "",
        Map.of("JAVA_HOME", System.getProperty("java.home")));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Kubernetes semantics: 1.33");
  }

}

package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CelEvalCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Gatehouse.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void eval_exprWithInlineVar_printsValue() {
    Run r = run("cel", "eval", "--expr", "object.spec.replicas <= 10",
        "--var", "object={\"spec\": {\"replicas\": 3}}");
    assertThat(r.code()).isZero();
    assertThat(r.out().trim()).isEqualTo("true");
  }

  @Test
  void eval_exprWithFileVarAndJsonOutput_printsValueObject(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("obj.yaml");
    Files.writeString(f, "metadata:\n  labels:\n    app: web\n");
    Run r = run("cel", "eval", "--expr", "object.metadata.labels['app']", "--var",
        "object=@" + f, "-o", "json");
    assertThat(r.code()).isZero();
    assertThat(r.out().replaceAll("\\s", "")).isEqualTo("{\"value\":\"web\"}");
  }

  @Test
  void eval_runtimeError_exitsOneWithCelGoText() {
    Run r = run("cel", "eval", "--expr", "object.spec.paused", "--var", "object={\"spec\": {}}",
        "-o", "json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().replaceAll("\\s", ""))
        .isEqualTo("{\"error\":\"nosuchkey:paused\",\"phase\":\"runtime\"}");
  }

  @Test
  void eval_compileError_exitsOneWithPhaseCompile() {
    Run r = run("cel", "eval", "--expr", "1 + 'a'");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("compile error: ERROR: <input>:1:3: found no matching overload");
  }

  @Test
  void eval_batch_answersEveryLineInOrder(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("batch.jsonl");
    Files.writeString(f, String.join("\n",
        "{\"id\": \"a\", \"expression\": \"x + 1\", \"variables\": {\"x\": 41}}",
        "{\"id\": 2, \"expression\": \"x.missing\", \"variables\": {\"x\": {}}}",
        "{\"id\": 3, \"expression\": \"ip('10.0.0.1').family()\"}",
        "{\"id\": 4, \"expression\": \"1 +\"}"));
    Run r = run("cel", "eval", "--batch", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            "{\"id\":\"a\",\"value\":42}",
            "{\"id\":2,\"error\":\"no such key: missing\",\"phase\":\"runtime\"}",
            "{\"id\":3,\"value\":4}",
            "{\"id\":4,\"error\":\"ERROR: <input>:1:4: Syntax error: mismatched input '<EOF>' expecting"
                + " {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT,"
                + " NUM_UINT, STRING, BYTES, IDENTIFIER}\\n | 1 +\\n | ...^\",\"phase\":\"compile\"}");
  }

  @Test
  void eval_batchWithMalformedLine_reportsInputErrorAndExitsTwo(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("batch.jsonl");
    Files.writeString(f, "{\"id\": 1, \"expression\": \"true\"}\n[1,2]\n");
    Run r = run("cel", "eval", "--batch", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out().lines()).containsExactly(
        "{\"id\":1,\"value\":true}",
        "{\"id\":null,\"error\":\"" + f + ":2: expected a JSON object\",\"phase\":\"input\"}");
  }

  @Test
  void eval_unsupportedVersion_exitsTwoWithRange() {
    Run r = run("cel", "eval", "--expr", "1", "--kubernetes-version", "1.20");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unsupported --kubernetes-version 1.20: supported 1.28 to 1.33");
  }

  @Test
  void eval_versionGating_hidesNewerLibraries() {
    Run r = run("cel", "eval", "--expr", "ip('10.0.0.1').family()", "--kubernetes-version", "1.29");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("undeclared reference to 'ip'");
  }
}

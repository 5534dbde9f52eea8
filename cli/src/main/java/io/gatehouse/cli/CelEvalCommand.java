package io.gatehouse.cli;

import dev.cel.common.types.SimpleType;
import io.gatehouse.api.codec.ValueDecoder;
import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CelValues;
import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.KubernetesVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse cel eval}: compiles and evaluates expressions in the Kubernetes CEL environment
 * (stored-expressions environment of the selected server version, with the per-expression cost
 * limit), one expression or a JSON Lines batch in one JVM.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate CEL expressions as kube-apiserver does.",
      "Exit codes: 0 evaluated, 1 compile or runtime error (--expr), 2 bad input or usage."
    })
final class CelEvalCommand implements Callable<Integer> {

  /** kube-apiserver's per-expression runtime cost limit (celconfig.PerCallLimit). */
  static final long PER_CALL_LIMIT = 1_000_000;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--expr", description = "The expression to evaluate.", required = true)
    @Nullable String expression;

    @Option(
        names = "--batch",
        paramLabel = "FILE",
        required = true,
        description = "JSON Lines: {\"id\",\"expression\",\"variables\"} per line ('-' = stdin).")
    @Nullable String batch;
  }

  @Option(
      names = "--var",
      paramLabel = "NAME=@FILE|JSON",
      description = "A variable (dyn): inline JSON/YAML, or @FILE. Repeatable. Only with --expr.")
  List<String> vars = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "text|json",
      description = "Output format for --expr (default: text).")
  String output = "text";

  @Option(
      names = "--kubernetes-version",
      paramLabel = "MAJOR.MINOR",
      description = "Kubernetes version whose CEL environment to use (default: ${DEFAULT-VALUE}).")
  String kubernetesVersion = KubernetesVersion.DEFAULT.toString();

  private final Map<String, Environment> environments = new HashMap<>();
  private KubernetesVersion version = KubernetesVersion.DEFAULT;

  @Override
  public Integer call() throws IOException {
    version = CliVersions.parse(kubernetesVersion);
    if (!output.equals("text") && !output.equals("json")) {
      throw new UsageException("invalid output format \"" + output + "\": must be text or json");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (input.batch != null) {
      if (!vars.isEmpty()) {
        throw new UsageException("--var cannot be used with --batch (give variables per line)");
      }
      return batch(input.batch, out);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String v : vars) {
      int eq = v.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("invalid --var \"" + v + "\": expected NAME=@FILE or NAME=JSON");
      }
      String name = v.substring(0, eq);
      String text = v.substring(eq + 1);
      ValueDecoder.Result r;
      if (text.startsWith("@")) {
        Path file = Path.of(text.substring(1));
        if (!Files.isRegularFile(file)) {
          throw new UsageException(text.substring(1) + ":1: no such file");
        }
        r = ValueDecoder.decode(file.toString(), Files.readAllBytes(file));
      } else {
        r = ValueDecoder.decode("--var " + name, text);
      }
      if (!r.errors().isEmpty()) {
        throw new UsageException(r.errors().get(0).toString());
      }
      values.put(name, CelValues.fromJson(r.value()));
    }
    Map<String, @Nullable Object> result = evaluate(input.expression, values);
    boolean failed = result.containsKey("error");
    if (output.equals("json")) {
      out.println(Json.pretty(result));
    } else if (failed) {
      spec.commandLine().getErr().println(result.get("phase") + " error: " + result.get("error"));
    } else {
      out.println(Json.pretty(result.get("value")));
    }
    return failed ? Gatehouse.DENIED : Gatehouse.OK;
  }

  private int batch(String file, PrintWriter out) throws IOException {
    boolean badInput = false;
    try (BufferedReader reader =
        file.equals("-")
            ? new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
            : openFile(file)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        Map<String, @Nullable Object> reply = batchLine(file, number, line);
        badInput |= "input".equals(reply.get("phase"));
        out.println(Json.compact(reply));
      }
    }
    return badInput ? Gatehouse.BAD_INPUT : Gatehouse.OK;
  }

  private static BufferedReader openFile(String file) throws IOException {
    Path p = Path.of(file);
    if (!Files.isRegularFile(p)) {
      throw new UsageException(file + ":1: no such file");
    }
    return Files.newBufferedReader(p, StandardCharsets.UTF_8);
  }

  private Map<String, @Nullable Object> batchLine(String file, int number, String line) {
    String source = (file.equals("-") ? "<stdin>" : file) + ":" + number;
    ValueDecoder.Result r = ValueDecoder.decode(source, line);
    Object id = null;
    if (r.value() instanceof Map<?, ?> m) {
      id = m.get("id");
    }
    if (!r.errors().isEmpty() || !(r.value() instanceof Map<?, ?> m)) {
      String why = r.errors().isEmpty() ? "expected a JSON object" : r.errors().get(0).reason();
      return reply(id, "error", source + ": " + why, "input");
    }
    if (!(m.get("expression") instanceof String expression)) {
      return reply(id, "error", source + ": \"expression\" must be a string", "input");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Object variables = m.get("variables");
    if (variables instanceof Map<?, ?> vm) {
      vm.forEach((k, v) -> values.put(String.valueOf(k), CelValues.fromJson(v)));
    } else if (variables != null) {
      return reply(id, "error", source + ": \"variables\" must be an object", "input");
    }
    Map<String, @Nullable Object> result = evaluate(expression, values);
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.putAll(result);
    return out;
  }

  private static Map<String, @Nullable Object> reply(
      @Nullable Object id, String key, Object value, String phase) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put(key, value);
    out.put("phase", phase);
    return out;
  }

  private Map<String, @Nullable Object> evaluate(
      @Nullable String expression, Map<String, Object> values) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    Environment env = environment(values.keySet());
    switch (env.compile(expression == null ? "" : expression)) {
      case CompilationError e -> {
        out.put("error", e.message());
        out.put("phase", "compile");
      }
      case CompiledExpression c -> {
        switch (c.evaluate(Activation.of(values), PER_CALL_LIMIT)) {
          case EvaluationResult.Success s -> out.put("value", CelValues.toJson(s.value()));
          case EvaluationResult.Failure f -> {
            out.put("error", f.message());
            out.put("phase", "runtime");
          }
        }
      }
    }
    return out;
  }

  private Environment environment(java.util.Set<String> names) {
    String key = String.join(",", new TreeSet<>(names));
    return environments.computeIfAbsent(
        key,
        k -> {
          Environment.Builder b =
              Environment.builder(version, EnvironmentType.STORED_EXPRESSIONS);
          names.forEach(n -> b.variable(n, SimpleType.DYN));
          return b.build();
        });
  }

}

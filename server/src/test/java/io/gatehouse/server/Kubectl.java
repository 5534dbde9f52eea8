package io.gatehouse.server;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a real kubectl binary for end-to-end tests: the one named by {@code GATEHOUSE_KUBECTL} or
 * found on {@code PATH}, and the versioned binaries {@code kubectl.1.NN} installed beside it (the
 * image's dispatcher layout). Every run gets a fresh {@code --cache-dir} and {@code HOME}, no
 * standard input, and a time limit. Immutable; runs may happen from any thread.
 *
 * <p>ITs usually get their binaries from {@link KubectlVersions} and run them through {@link
 * KubectlServer}, which adds the server's address and credentials.
 */
public record Kubectl(String label, Path binary) {

  private static final long TIMEOUT_SECONDS = 60;

  /** What one run printed. */
  public record Result(int exitCode, String stdout, String stderr) {}

  @Override
  public String toString() {
    return label;
  }

  /**
   * Returns the dispatcher (or plain kubectl) and the versioned binaries {@code versions} that
   * exist beside it. Skips the test when no kubectl is installed, except under CI, where it fails.
   */
  static List<Kubectl> available(String... versions) {
    Optional<Path> found = locate();
    if (found.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("kubectl not found: set GATEHOUSE_KUBECTL or put kubectl on PATH");
      }
      Assumptions.abort("kubectl not found");
    }
    List<Kubectl> out = new ArrayList<>();
    out.add(new Kubectl("kubectl", found.get()));
    Path dir = realPath(found.get()).getParent();
    for (String v : versions) {
      Path versioned = dir.resolve("kubectl." + v);
      if (Files.isExecutable(versioned)) {
        out.add(new Kubectl("kubectl." + v, versioned));
      }
    }
    return out;
  }

  /** Returns the versioned binary {@code kubectl.<version>}, if installed. */
  static Optional<Kubectl> version(String version) {
    return available(version).stream().filter(k -> k.label().equals("kubectl." + version)).findFirst();
  }

  /**
   * Returns the versioned binaries {@code versions} that are installed, without the dispatcher;
   * skips (under CI fails) the test when no kubectl is installed at all.
   */
  static List<Kubectl> versions(String... versions) {
    return available(versions).stream().filter(k -> !k.label().equals("kubectl")).toList();
  }

  /**
   * Returns the dispatcher (or the plain kubectl on {@code PATH}); skips (under CI fails) the
   * test when there is none.
   */
  static Kubectl dispatcher() {
    return available().get(0);
  }

  /**
   * Returns the version without dots ({@code 133} for {@code kubectl.1.33}, {@code kubectl} for
   * the dispatcher), for names that must differ between the kubectl versions of one test.
   */
  String tag() {
    return label.replace("kubectl.", "").replace(".", "");
  }

  private static Optional<Path> locate() {
    String override = System.getenv("GATEHOUSE_KUBECTL");
    if (override != null && !override.isBlank()) {
      return Optional.of(Path.of(override));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "kubectl");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }

  /** Runs kubectl with {@code args} (plus a fresh cache directory) in {@code workDir}. */
  Result run(Path workDir, String... args) {
    return run(workDir, java.util.Map.of(), args);
  }

  /** Runs kubectl with {@code args} and the extra environment variables {@code env}. */
  Result run(Path workDir, java.util.Map<String, String> env, String... args) {
    try {
      Path run = Files.createTempDirectory(workDir, "kubectl");
      ProcessBuilder pb = command(run, env, args)
          .redirectOutput(run.resolve("out.txt").toFile())
          .redirectError(run.resolve("err.txt").toFile());
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(label + " " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      return new Result(p.exitValue(),
          Files.readString(run.resolve("out.txt"), StandardCharsets.UTF_8),
          Files.readString(run.resolve("err.txt"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts kubectl with {@code args} in the background (for {@code get -w}), standard output and
   * error both going to {@code output}, with the same fresh cache directory and {@code HOME} as
   * {@link #run}. The caller stops the process.
   */
  Process start(Path workDir, Path output, String... args) {
    try {
      Path run = Files.createTempDirectory(workDir, "kubectl");
      return command(run, java.util.Map.of(), args).redirectOutput(output.toFile())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + binary, e);
    }
  }

  /** The command line and environment of one run whose private files live in {@code run}. */
  private ProcessBuilder command(Path run, java.util.Map<String, String> env, String... args)
      throws IOException {
    Path home = Files.createDirectory(run.resolve("home"));
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--cache-dir=" + run.resolve("cache"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().remove("KUBECONFIG");
    pb.environment().put("HOME", home.toString());
    pb.environment().putAll(env);
    return pb;
  }
}

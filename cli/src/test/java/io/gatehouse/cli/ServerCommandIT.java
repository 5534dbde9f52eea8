package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse server} from the packaged jar as a separate process: it writes the admin
 * kubeconfig once serving, says how to use it, and stops cleanly with exit code 0 on SIGTERM.
 */
class ServerCommandIT {

  @Test
  void server_sigterm_stopsCleanlyWithExitZero(@TempDir Path dir) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 24) {
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.addAll(List.of("-jar", System.getProperty("gatehouse.jar", "target/gatehouse.jar"),
        "server", "--data-dir", dir.resolve("data").toString(), "--secure-port", "0"));
    Path log = dir.resolve("server.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Path kubeconfig = dir.resolve("data/admin.kubeconfig");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(kubeconfig) && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(kubeconfig).as(Files.readString(log)).exists();
      assertThat(Files.readString(kubeconfig)).contains("server: https://127.0.0.1:", "client-key-data: ");
      // The log line follows the kubeconfig's write: wait for it rather than race it.
      String usage = "KUBECONFIG=" + kubeconfig.toAbsolutePath() + " kubectl get ns";
      while (!Files.readString(log).contains(usage) && p.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(Files.readString(log)).contains(usage);

      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
      assertThat(p.exitValue()).as(Files.readString(log)).isZero();
      assertThat(Files.readString(log)).contains("Shutting down", "Stopped");
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void server_badTokenFile_exitsTwoNamingTheProblem(@TempDir Path dir) throws Exception {
    Path tokens = dir.resolve("tokens.csv");
    Files.writeString(tokens, "only,two\n");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 24) {
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.addAll(List.of("-jar", System.getProperty("gatehouse.jar", "target/gatehouse.jar"),
        "server", "--data-dir", dir.resolve("data").toString(), "--secure-port", "0",
        "--token-auth-file", tokens.toString()));
    Path log = dir.resolve("server.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log)).contains("error: token file '" + tokens
        + "' must have at least 3 columns (token, user name, user uid), found 2");
  }

  private static Process server(Path dir, Path log, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 24) {
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.addAll(List.of("-jar", System.getProperty("gatehouse.jar", "target/gatehouse.jar"),
        "server", "--data-dir", dir.resolve("data").toString(), "--secure-port", "0"));
    cmd.addAll(List.of(extra));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void server_authorizationConfigWithMode_exitsTwoWithKubeApiServersText(@TempDir Path dir)
      throws Exception {
    Path config = Files.writeString(dir.resolve("authz.yaml"), "apiVersion: "
        + "apiserver.config.k8s.io/v1\nkind: AuthorizationConfiguration\nauthorizers:\n"
        + "- {type: RBAC, name: rbac}\n");
    Path log = dir.resolve("server.log");
    Process p = server(dir, log, "--authorization-config", config.toString(),
        "--authorization-mode", "Node,RBAC");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log)).contains("error: --authorization-config can not be "
        + "specified when --authorization-mode or --authorization-webhook-* flags are defined");
  }

  @Test
  void server_unknownAdmissionPlugins_exitsTwoWithKubeApiServersTexts(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("server.log");
    Process p = server(dir, log, "--enable-admission-plugins", "NodeRestriction,Foo",
        "--disable-admission-plugins=Bar,NodeRestriction");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log)).contains("""
        error: enable-admission-plugins plugin "Foo" is unknown
        disable-admission-plugins plugin "Bar" is unknown
        [NodeRestriction] in enable-admission-plugins and disable-admission-plugins overlapped
        """);
  }

  @Test
  void server_invalidAuthorizationConfig_exitsTwoWithEveryError(@TempDir Path dir)
      throws Exception {
    Path config = Files.writeString(dir.resolve("authz.yaml"), "apiVersion: "
        + "apiserver.config.k8s.io/v1\nkind: AuthorizationConfiguration\nauthorizers:\n"
        + "- {type: RBAC, name: rbac}\n- {type: RBAC, name: rbac}\n");
    Path log = dir.resolve("server.log");
    Process p = server(dir, log, "--authorization-config", config.toString());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log)).contains("error: invalid --authorization-config " + config
        + ":\n  authorizers[1].type: Duplicate value: \"RBAC\"");
    assertThat(Files.exists(dir.resolve("data/admin.kubeconfig"))).isFalse();
  }
}

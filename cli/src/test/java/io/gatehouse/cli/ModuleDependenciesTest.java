package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Module dependencies point one way (ARCHITECTURE.md): policy code (cel, admission, auth) never
 * depends on the adapters (cli, server), and nothing depends on what depends on it.
 */
class ModuleDependenciesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** What each module may depend on among Gatehouse modules. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "api", Set.of(),
          "cel", Set.of("api"),
          "admission", Set.of("api", "cel"),
          "auth", Set.of("api", "cel"),
          "storage", Set.of("api"),
          "cli", Set.of("api", "cel", "admission", "auth", "storage", "server"),
          "bench", Set.of("api", "cel", "admission", "auth", "storage", "cli", "server"));

  static Stream<String> modules() throws Exception {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    Set<String> modules = new TreeSet<>();
    while (m.find()) {
      modules.add(m.group(1));
    }
    return modules.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void module_dependsOnlyOnAllowedModules(String module) throws Exception {
    assertThat(ALLOWED).as("dependency rule for module %s", module).containsKey(module);
    String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
    Matcher m = Pattern.compile("<artifactId>gatehouse-([a-z]+)</artifactId>").matcher(pom);
    Set<String> used = new TreeSet<>();
    while (m.find()) {
      if (!m.group(1).equals(module) && !m.group(1).equals("parent")) {
        used.add(m.group(1));
      }
    }
    assertThat(ALLOWED.get(module)).containsAll(used);
  }
}

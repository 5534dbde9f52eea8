package io.gatehouse.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged {@code gatehouse.jar} (system property {@code gatehouse.jar}, set by failsafe) run
 * as a separate JVM, the way users and CI run it.
 */
final class GatehouseJar {

  private GatehouseJar() {}

  /**
   * Returns a new, mutable command line running the jar with {@code args}: this JVM's {@code
   * java}, the flags the launcher passes (native access, and on JDK 24+ {@code sun.misc.Unsafe}
   * memory access), {@code -jar} and the jar's path.
   */
  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 24) {
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.add("-jar");
    cmd.add(System.getProperty("gatehouse.jar", "target/gatehouse.jar"));
    cmd.addAll(List.of(args));
    return cmd;
  }
}

package io.gatehouse.admission.podsecurity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds {@code ../shared} beside the project root: the nearest ancestor of the working directory
 * whose {@code pom.xml} declares {@code <modules>} (the Maven multi-module root), so the result
 * does not depend on which module runs the tests. The system property {@code gatehouse.shared}
 * overrides it (for a worktree that has no {@code ../shared} beside it).
 */
final class SharedDirectory {

  private SharedDirectory() {}

  /** Returns the project root. */
  static Path projectRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
          return p;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no Maven multi-module root above " + dir);
  }

  /** Returns {@code ../shared/<relative>} if it exists. */
  static Optional<Path> find(String relative) {
    String override = System.getProperty("gatehouse.shared");
    Path shared =
        override != null && !override.isEmpty()
            ? Path.of(override)
            : projectRoot().getParent().resolve("shared");
    Path dir = shared.resolve(relative).normalize();
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  /** Returns whether the tests run under CI ({@code CI=true}), where missing data is a failure. */
  static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}

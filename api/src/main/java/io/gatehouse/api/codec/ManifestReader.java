package io.gatehouse.api.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads manifests from paths as the CLI takes them: a file, a directory (recursively, {@code
 * *.yaml}, {@code *.yml} and {@code *.json}, in lexical path order), or {@code -} for stdin.
 *
 * <p>Problems with one input never stop the others: every error is collected. Stateless;
 * thread-safe if {@code stdin} is.
 */
public final class ManifestReader {

  /** The name under which standard input appears in locations. */
  public static final String STDIN_NAME = "<stdin>";

  private final Supplier<InputStream> stdin;

  private ManifestReader(Supplier<InputStream> stdin) {
    this.stdin = stdin;
  }

  /** Returns a reader whose {@code -} path reads {@code stdin} (read at most once). */
  public static ManifestReader create(Supplier<InputStream> stdin) {
    return new ManifestReader(stdin);
  }

  /** Reads every path in order. */
  public ManifestDecoder.Result read(List<String> paths) {
    List<Manifest> manifests = new ArrayList<>();
    List<ManifestError> errors = new ArrayList<>();
    boolean stdinRead = false;
    for (String p : paths) {
      if (p.equals("-")) {
        if (stdinRead) {
          errors.add(new ManifestError(STDIN_NAME, 1, "standard input given more than once"));
          continue;
        }
        stdinRead = true;
        try {
          add(ManifestDecoder.decode(STDIN_NAME, stdin.get().readAllBytes()), manifests, errors);
        } catch (IOException e) {
          errors.add(new ManifestError(STDIN_NAME, 1, "cannot read: " + e.getMessage()));
        }
        continue;
      }
      for (Path file : expand(p, errors)) {
        String name = file.toString();
        try {
          add(ManifestDecoder.decode(name, Files.readAllBytes(file)), manifests, errors);
        } catch (IOException e) {
          errors.add(new ManifestError(name, 1, "cannot read: " + e.getMessage()));
        }
      }
    }
    return new ManifestDecoder.Result(manifests, errors);
  }

  private static void add(
      ManifestDecoder.Result r, List<Manifest> manifests, List<ManifestError> errors) {
    manifests.addAll(r.manifests());
    errors.addAll(r.errors());
  }

  private static List<Path> expand(String p, List<ManifestError> errors) {
    Path path = Path.of(p);
    if (!Files.exists(path)) {
      errors.add(new ManifestError(p, 1, "no such file or directory"));
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(ManifestReader::isManifest)
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      errors.add(new ManifestError(p, 1, "cannot list directory: " + e.getMessage()));
      return List.of();
    }
  }

  private static boolean isManifest(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

}

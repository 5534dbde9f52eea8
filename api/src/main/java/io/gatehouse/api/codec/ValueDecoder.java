package io.gatehouse.api.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one JSON or YAML value of any shape (not necessarily a Kubernetes object) with the same
 * rules as {@link ManifestDecoder}: used for CEL variables given on the command line.
 *
 * <p>Stateless; thread-safe.
 */
public final class ValueDecoder {

  private ValueDecoder() {}

  /**
   * A decoded value or the problems.
   *
   * @param value the value (null for JSON null or an empty input); meaningless if errors exist
   * @param errors the problems, empty on success
   */
  public record Result(@Nullable Object value, List<ManifestError> errors) {
    /** Copies the errors. */
    public Result {
      errors = List.copyOf(errors);
    }
  }

  /** Decodes {@code text} from {@code source}; more than one document is an error. */
  public static Result decode(String source, String text) {
    return decode(source, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes {@code bytes} from {@code source}; more than one document is an error. */
  public static Result decode(String source, byte[] bytes) {
    List<ManifestError> errors = new ArrayList<>();
    List<YamlDocuments.Document> docs = new ArrayList<>();
    String text;
    try {
      text = ManifestDecoder.utf8(bytes);
    } catch (DecodeException e) {
      return new Result(null, List.of(new ManifestError(source, e.line(), e.getMessage())));
    }
    java.util.function.Consumer<DecodeException> onError =
        e -> errors.add(new ManifestError(source, e.line(), e.getMessage()));
    if (ManifestDecoder.looksLikeJson(text)) {
      JsonDocuments.decode(text, docs::add, onError);
    } else {
      YamlDocuments.decode(text, docs::add, onError);
    }
    if (docs.size() > 1) {
      errors.add(new ManifestError(source, docs.get(1).line(), "expected one value, found several"));
    }
    return new Result(docs.isEmpty() ? null : docs.get(0).value(), errors);
  }
}

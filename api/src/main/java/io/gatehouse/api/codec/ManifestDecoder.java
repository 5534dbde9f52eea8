package io.gatehouse.api.codec;

import io.gatehouse.api.Unstructured;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the bytes of one file (or stdin) into objects.
 *
 * <p>JSON is recognised as kubectl does (the first non-space character is <code>{</code> or
 * {@code [}); anything else is YAML, possibly several documents. {@code kind: List} and other
 * {@code *List} kinds with {@code items} are flattened into their items. Each object must have
 * {@code apiVersion} and {@code kind} and be at most {@link #MAX_OBJECT_SIZE} code points.
 *
 * <p>Stateless; thread-safe.
 */
public final class ManifestDecoder {

  /** kube-apiserver's request body limit, applied per object: 3 MiB. */
  public static final long MAX_OBJECT_SIZE = 3L * 1024 * 1024;

  private ManifestDecoder() {}

  /**
   * The objects and the problems of one input.
   *
   * @param manifests decoded objects in input order
   * @param errors problems in input order
   */
  public record Result(List<Manifest> manifests, List<ManifestError> errors) {
    /** Copies the lists. */
    public Result {
      manifests = List.copyOf(manifests);
      errors = List.copyOf(errors);
    }
  }

  /** Decodes {@code bytes} read from {@code source}. */
  public static Result decode(String source, byte[] bytes) {
    List<Manifest> manifests = new ArrayList<>();
    List<ManifestError> errors = new ArrayList<>();
    String text;
    try {
      text = utf8(bytes);
    } catch (DecodeException e) {
      errors.add(new ManifestError(source, e.line(), e.getMessage()));
      return new Result(manifests, errors);
    }
    boolean json = looksLikeJson(text);
    java.util.function.Consumer<YamlDocuments.Document> onDocument =
        doc -> accept(source, doc, doc.value(), doc.line(), true, manifests, errors);
    java.util.function.Consumer<DecodeException> onError =
        e -> errors.add(new ManifestError(source, e.line(), e.getMessage()));
    if (json) {
      JsonDocuments.decode(text, onDocument, onError);
    } else {
      YamlDocuments.decode(text, onDocument, onError);
    }
    return new Result(manifests, errors);
  }

  private static void accept(
      String source,
      YamlDocuments.Document doc,
      @Nullable Object value,
      int line,
      boolean topLevel,
      List<Manifest> manifests,
      List<ManifestError> errors) {
    if (value == null) {
      return;
    }
    if (value instanceof List<?> list && topLevel) {
      for (Object item : list) {
        accept(source, doc, item, lineOf(doc, item, line), false, manifests, errors);
      }
      return;
    }
    if (!(value instanceof Map<?, ?> map)) {
      errors.add(
          new ManifestError(
              source, line, "expected an object, got " + describe(value)));
      return;
    }
    if (topLevel && doc.size() > MAX_OBJECT_SIZE) {
      errors.add(
          new ManifestError(
              source,
              line,
              "object is " + doc.size() + " bytes, over the 3 MiB (" + MAX_OBJECT_SIZE
                  + " bytes) limit of a Kubernetes request"));
      return;
    }
    Object apiVersion = map.get("apiVersion");
    Object kind = map.get("kind");
    List<String> missing = new ArrayList<>();
    if (!(apiVersion instanceof String a) || a.isEmpty()) {
      missing.add("apiVersion not set");
    }
    if (!(kind instanceof String k) || k.isEmpty()) {
      missing.add("kind not set");
    }
    if (!missing.isEmpty()) {
      errors.add(new ManifestError(source, line, String.join(", ", missing)));
      return;
    }
    if (((String) kind).endsWith("List") && map.get("items") instanceof List<?> items) {
      for (Object item : items) {
        accept(source, doc, item, lineOf(doc, item, line), false, manifests, errors);
      }
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> object = (Map<String, @Nullable Object>) map;
    manifests.add(new Manifest(source, line, Unstructured.wrap(object)));
  }

  private static int lineOf(YamlDocuments.Document doc, @Nullable Object item, int fallback) {
    Integer l = item == null ? null : doc.lines().get(item);
    return l == null ? fallback : l;
  }

  private static String describe(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return value.getClass().getSimpleName();
  }

  static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  static String utf8(byte[] bytes) {
    int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      CharBuffer out = decoder.decode(in);
      return out.toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalid(bytes, offset);
      int line = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new DecodeException(
          line, String.format("invalid UTF-8 (byte 0x%02X at offset %d)", bytes[bad] & 0xFF, bad));
    }
  }

  /** Returns the offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
  private static int firstInvalid(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int len;
      int min;
      if (b < 0x80) {
        i++;
        continue;
      } else if (b >= 0xC2 && b <= 0xDF) {
        len = 2;
        min = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3;
        min = 0x800;
      } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + len > bytes.length) {
        return i;
      }
      int cp = b & (0xFF >> (len + 1));
      for (int k = 1; k < len; k++) {
        int c = bytes[i + k] & 0xFF;
        if ((c & 0xC0) != 0x80) {
          return i;
        }
        cp = (cp << 6) | (c & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return i;
      }
      i += len;
    }
    return bytes.length - 1;
  }
}

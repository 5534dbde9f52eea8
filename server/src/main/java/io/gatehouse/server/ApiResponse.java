package io.gatehouse.server;

import io.gatehouse.api.Status;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A complete HTTP response: status code, headers and body.
 *
 * <p>Immutable by convention: the header map and body array are not copied and must not be
 * modified after construction.
 *
 * @param status the HTTP status code
 * @param headers the response headers, in order
 * @param body the body bytes (empty for a streamed response)
 * @param stream what writes the body chunk by chunk, or null for a complete body
 */
record ApiResponse(
    int status, Map<String, String> headers, byte[] body, @Nullable ResponseStream stream) {

  /** A complete response without a stream. */
  ApiResponse(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, null);
  }

  /**
   * Returns a streamed response (watch): the headers are sent first, then {@code stream} writes
   * chunks until it returns or the client goes away.
   */
  static ApiResponse streamed(int status, String contentType, ResponseStream stream) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", contentType);
    return new ApiResponse(status, h, new byte[0], stream);
  }

  static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";

  /** Returns {@code tree} as JSON with content type {@code application/json}. */
  static ApiResponse json(int status, Object tree) {
    return json(status, JSON, tree);
  }

  /** Returns {@code tree} as JSON with the given content type, newline-terminated as Go's encoder. */
  static ApiResponse json(int status, String contentType, Object tree) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", contentType);
    return new ApiResponse(status, h, GoJson.encode(tree));
  }

  /** Returns {@code json}, already encoded as {@link #json} would, as {@code application/json}. */
  static ApiResponse jsonBytes(int status, byte[] json) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", JSON);
    return new ApiResponse(status, h, json);
  }

  /** Returns upstream's {@code Status} body for a failure, with its code. */
  static ApiResponse status(Status status) {
    return json(status.code(), status.toMap());
  }

  /**
   * Returns a plain-text body as Go's {@code http.Error} writes it: {@code text/plain;
   * charset=utf-8}, {@code X-Content-Type-Options: nosniff}, the text and a newline.
   */
  static ApiResponse error(int status, String text) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", TEXT);
    h.put("X-Content-Type-Options", "nosniff");
    return new ApiResponse(status, h, (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Returns a plain-text body without a trailing newline (health endpoints). */
  static ApiResponse text(int status, String text) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", TEXT);
    h.put("X-Content-Type-Options", "nosniff");
    return new ApiResponse(status, h, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the body as UTF-8 text (tests, logs). */
  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}

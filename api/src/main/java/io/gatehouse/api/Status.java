package io.gatehouse.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code metav1.Status} for failures: what the API returns and what the CLI prints.
 *
 * @param message the human-readable message, byte-for-byte as upstream
 * @param reason the machine-readable reason
 * @param details the object concerned and the causes, or null
 * @param code the HTTP status code
 */
public record Status(
    String message, StatusReason reason, @Nullable Details details, int code) {

  /**
   * The object a failure is about.
   *
   * @param name the object name, possibly empty
   * @param group the API group, possibly empty
   * @param kind the kind or, as upstream does for admission errors, the plural resource
   * @param causes the individual causes
   * @param retryAfterSeconds when the client may retry (upstream's {@code retryAfterSeconds}), 0
   *     for none
   */
  public record Details(
      String name, String group, String kind, List<Cause> causes, int retryAfterSeconds) {
    /** Copies the causes. */
    public Details {
      causes = List.copyOf(causes);
    }

    /** Details without a retry hint. */
    public Details(String name, String group, String kind, List<Cause> causes) {
      this(name, group, kind, causes, 0);
    }
  }

  /**
   * One cause of a failure.
   *
   * @param reason the cause type (e.g. {@code FieldValueInvalid}), possibly empty
   * @param message the message
   * @param field the field path, possibly empty
   */
  public record Cause(String reason, String message, String field) {}

  /** Returns the JSON form ({@code kind: Status}, {@code status: Failure}, …) with upstream keys. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "Status");
    m.put("apiVersion", "v1");
    m.put("metadata", Map.of());
    m.put("status", "Failure");
    m.put("message", message);
    if (!reason.wire().isEmpty()) {
      m.put("reason", reason.wire());
    }
    if (details != null) {
      Map<String, Object> d = new LinkedHashMap<>();
      if (!details.name().isEmpty()) {
        d.put("name", details.name());
      }
      if (!details.group().isEmpty()) {
        d.put("group", details.group());
      }
      if (!details.kind().isEmpty()) {
        d.put("kind", details.kind());
      }
      if (!details.causes().isEmpty()) {
        d.put(
            "causes",
            details.causes().stream()
                .map(
                    c -> {
                      Map<String, Object> cm = new LinkedHashMap<>();
                      if (!c.reason().isEmpty()) {
                        cm.put("reason", c.reason());
                      }
                      if (!c.message().isEmpty()) {
                        cm.put("message", c.message());
                      }
                      if (!c.field().isEmpty()) {
                        cm.put("field", c.field());
                      }
                      return cm;
                    })
                .toList());
      }
      if (details.retryAfterSeconds() != 0) {
        d.put("retryAfterSeconds", details.retryAfterSeconds());
      }
      m.put("details", d);
    }
    m.put("code", code);
    return m;
  }
}

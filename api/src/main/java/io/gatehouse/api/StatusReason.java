package io.gatehouse.api;

/** Upstream's {@code metav1.StatusReason} values, each with its wire string and HTTP code. */
public enum StatusReason {
  /** No reason given. */
  UNKNOWN("", 500),
  /** 401. */
  UNAUTHORIZED("Unauthorized", 401),
  /** 403. */
  FORBIDDEN("Forbidden", 403),
  /** 404. */
  NOT_FOUND("NotFound", 404),
  /** 409 on create. */
  ALREADY_EXISTS("AlreadyExists", 409),
  /** 409 on update. */
  CONFLICT("Conflict", 409),
  /** 410. */
  GONE("Gone", 410),
  /** 422. */
  INVALID("Invalid", 422),
  /** 504. */
  SERVER_TIMEOUT("ServerTimeout", 500),
  /** 504. */
  TIMEOUT("Timeout", 504),
  /** 429. */
  TOO_MANY_REQUESTS("TooManyRequests", 429),
  /** 400. */
  BAD_REQUEST("BadRequest", 400),
  /** 405. */
  METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
  /** 406. */
  NOT_ACCEPTABLE("NotAcceptable", 406),
  /** 413. */
  REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413),
  /** 415. */
  UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415),
  /** 500. */
  INTERNAL_ERROR("InternalError", 500),
  /** 410 for a compacted resource version. */
  EXPIRED("Expired", 410),
  /** 503. */
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503);

  private final String wire;
  private final int code;

  StatusReason(String wire, int code) {
    this.wire = wire;
    this.code = code;
  }

  /** Returns the wire string, e.g. {@code Invalid}. */
  public String wire() {
    return wire;
  }

  /** Returns the HTTP status code this reason is served with. */
  public int code() {
    return code;
  }

  /** Returns the reason with wire string {@code wire}, or {@link #UNKNOWN}. */
  public static StatusReason fromWire(String wire) {
    for (StatusReason r : values()) {
      if (r.wire.equals(wire)) {
        return r;
      }
    }
    return UNKNOWN;
  }
}

package io.gatehouse.server.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * kube-openapi's {@code validate.Result}: the errors (kept unique by message, in the order first
 * seen) and the match count that decides which failing {@code anyOf}/{@code oneOf} branch is
 * reported. Not thread-safe.
 */
final class OpenApiResult {

  final List<OpenApiError> errors = new ArrayList<>();
  int matchCount;

  static OpenApiResult of(OpenApiError e) {
    OpenApiResult r = new OpenApiResult();
    r.errors.add(e);
    return r;
  }

  void add(OpenApiError e) {
    for (OpenApiError seen : errors) {
      if (seen.message().equals(e.message())) {
        return;
      }
    }
    errors.add(e);
  }

  OpenApiResult merge(OpenApiResult... others) {
    for (OpenApiResult o : others) {
      if (o != null) {
        o.errors.forEach(this::add);
        matchCount += o.matchCount;
      }
    }
    return this;
  }

  boolean valid() {
    return errors.isEmpty();
  }

  void inc() {
    matchCount++;
  }
}

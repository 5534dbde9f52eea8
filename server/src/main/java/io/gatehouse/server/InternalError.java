package io.gatehouse.server;

import io.gatehouse.api.GoQuote;

/**
 * Upstream's {@code responsewriters.InternalError}: a plain-text 500 {@code Internal Server Error:
 * "<request URI>": <error>} with {@code &}, {@code <}, {@code >} HTML-escaped. Stateless.
 */
final class InternalError {

  private InternalError() {}

  static ApiResponse of(ApiRequest request, String error) {
    String text = "Internal Server Error: " + GoQuote.quote(request.requestUri()) + ": " + error;
    return ApiResponse.error(500, HtmlSanitizer.sanitize(text));
  }
}

package io.gatehouse.auth.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * client-go's errors for an HTTP error status: the message of a {@code Status} body when the
 * webhook sent one, else {@code NewGenericServerResponse}'s text for the code. Stateless.
 */
final class HttpErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 1024;

  private HttpErrors() {}

  static WebhookCallException of(int code, String body, boolean retryAfter) {
    boolean retriable = retryAfter || code == 500 || code == 504 || code == 429;
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.path("kind").asText().equals("Status")
          && !node.path("message").asText().isEmpty()) {
        return new WebhookCallException(node.path("message").asText(), retriable);
      }
    } catch (java.io.IOException e) {
      // Not a Status: described by code below.
    }
    String text = body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT) : body;
    String message = switch (code) {
      case 400 -> "the server rejected our request for an unknown reason";
      case 401 -> "the server has asked for the client to provide credentials";
      case 403 -> "the server does not allow access to the requested resource";
      case 404 -> "the server could not find the requested resource";
      case 405 -> "the server does not allow this method on the requested resource";
      case 409 -> "the server reported a conflict";
      case 429 -> "the server has received too many requests and has asked us to try again later";
      case 500 -> "an error on the server (" + io.gatehouse.api.GoQuote.quote(text.strip())
          + ") has prevented the request from succeeding";
      case 503 -> "the server is currently unable to handle the request";
      case 504 -> "the server was unable to return a response in the time allotted, but may still be processing the request";
      default -> "the server responded with the status code " + code
          + " but did not return more information";
    };
    return new WebhookCallException(message, retriable);
  }
}

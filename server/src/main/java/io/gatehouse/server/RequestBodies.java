package io.gatehouse.server;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.server.protobuf.ProtobufBodies;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Content-Type negotiation and decoding of object and {@code DeleteOptions} request bodies, as
 * upstream's {@code NegotiateInputSerializer} and the create, update and delete handlers do it:
 * the media type (parameters dropped, case ignored, JSON when absent) must be one the resource's
 * serializer supports, else 415 listing those. Built-in kinds with a protobuf message table take
 * {@code application/vnd.kubernetes.protobuf} besides JSON and YAML; custom resources and
 * built-in kinds without a table take JSON and YAML only. {@code DeleteOptions} may be protobuf
 * for any resource, as upstream's meta codecs accept it everywhere. Every body decodes to the same
 * JSON-shaped map tree whatever its encoding. Stateless.
 */
final class RequestBodies {

  static final String JSON = "application/json";
  static final String YAML = "application/yaml";

  private RequestBodies() {}

  /**
   * Decodes the object body of a create or update of objects of {@code expected}.
   *
   * @param registered whether the server serves a kind (for bodies naming another kind)
   * @return the decoded body: a map for objects, with JSON's duplicate fields
   * @throws StatusException 415 for a media type the kind does not take, 400 for a body that
   *     cannot be decoded
   */
  static BodyDecoder.Decoded object(ApiRequest request, GroupVersionKind expected,
      Predicate<GroupVersionKind> registered) {
    String mediaType = negotiate(request.headers().first("Content-Type"), accepted(expected));
    if (mediaType.equals(ProtobufBodies.MEDIA_TYPE)) {
      return new BodyDecoder.Decoded(ProtobufBodies.decode(request.body(), expected, registered),
          List.of());
    }
    if (request.body().length == 0) {
      throw StatusException.badRequest("Object 'Kind' is missing in ''");
    }
    return BodyDecoder.decode(request.body(), mediaType);
  }

  /**
   * Decodes a {@code DeleteOptions} body, or returns null when there is none.
   *
   * @throws StatusException 415 for a media type other than JSON, YAML and protobuf, 400 for a
   *     body that cannot be decoded
   */
  static @Nullable Map<String, @Nullable Object> deleteOptions(ApiRequest request) {
    if (request.body().length == 0) {
      return null;
    }
    String mediaType = negotiate(request.headers().first("Content-Type"),
        List.of(JSON, YAML, ProtobufBodies.MEDIA_TYPE));
    if (mediaType.equals(ProtobufBodies.MEDIA_TYPE)) {
      return ProtobufBodies.decodeDeleteOptions(request.body());
    }
    return BodyDecoder.object(BodyDecoder.decode(request.body(), mediaType));
  }

  /**
   * The media types objects of {@code kind} may be sent in, in upstream's order: protobuf only
   * for built-in kinds Gatehouse has a message table for.
   */
  static List<String> accepted(GroupVersionKind kind) {
    boolean builtin = ResourceCatalog.builtin().resourceFor(kind).isPresent();
    return builtin && ProtobufBodies.hasMessage(kind)
        ? List.of(JSON, YAML, ProtobufBodies.MEDIA_TYPE)
        : List.of(JSON, YAML);
  }

  /**
   * Returns the member of {@code accepted} that {@code contentType} names (the first one when it
   * is empty).
   *
   * @throws StatusException 415 when the header cannot be parsed or names another type
   */
  static String negotiate(String contentType, List<String> accepted) {
    if (contentType.isEmpty()) {
      return accepted.get(0);
    }
    String mediaType = parse(contentType);
    if (mediaType != null && accepted.contains(mediaType)) {
      return mediaType;
    }
    throw ApiErrors.unsupportedMediaType(accepted);
  }

  /**
   * Go's {@code mime.ParseMediaType}, reduced to what negotiation needs: the lower-cased {@code
   * type/subtype}, or null when the header is malformed.
   */
  static @Nullable String parse(String contentType) {
    String[] parts = contentType.split(";", -1);
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    int slash = type.indexOf('/');
    if (type.isEmpty() || !isToken(slash < 0 ? type : type.substring(0, slash))
        || (slash >= 0 && !isToken(type.substring(slash + 1)))) {
      return null;
    }
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].strip();
      if (param.isEmpty() && i == parts.length - 1) {
        break;
      }
      int eq = param.indexOf('=');
      if (eq <= 0 || !isToken(param.substring(0, eq).strip())) {
        return null;
      }
    }
    return type;
  }

  /** RFC 1521 tokens, as Go's {@code mime} package defines them. */
  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }
}

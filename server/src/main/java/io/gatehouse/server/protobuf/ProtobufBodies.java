package io.gatehouse.server.protobuf;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.StatusException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Decodes {@code application/vnd.kubernetes.protobuf} request bodies of the built-in kinds kubectl
 * sends (1.32+ sends its typed requests this way) into the map the JSON form of the same object
 * decodes to, with upstream's 400 texts for bodies that cannot be decoded. Which kinds have a
 * message definition: {@link #hasMessage}. Stateless; thread-safe.
 */
public final class ProtobufBodies {

  /** The protobuf media type. */
  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  /** The scheme name in upstream's "no kind is registered" errors (kube-apiserver's legacyscheme). */
  private static final String SCHEME = "pkg/api/legacyscheme/scheme.go:30";

  private static final String DELETE_OPTIONS = "meta.DeleteOptions";

  private static final MessageDecoder DECODER = new MessageDecoder(Schema.builtin());

  private ProtobufBodies() {}

  /** Whether objects of {@code gvk} can be decoded from protobuf. */
  public static boolean hasMessage(GroupVersionKind gvk) {
    return Schema.builtin().forKind(gvk.apiVersion(), gvk.kind()).isPresent();
  }

  /**
   * Decodes a protobuf body sent to a resource whose objects are {@code expected}. The envelope's
   * missing {@code apiVersion}/{@code kind} default to {@code expected}'s, as upstream's decoder
   * defaults them. An envelope naming another kind yields a map with only {@code apiVersion} and
   * {@code kind} when {@code registered} knows that kind (the caller's kind check then reports
   * upstream's conversion error); otherwise it is upstream's "no kind is registered" error.
   *
   * @param expected the kind of the addressed resource; must satisfy {@link #hasMessage}
   * @param registered whether the API server knows a kind
   * @return a new mutable map: {@code kind}, {@code apiVersion}, then the object's fields
   * @throws StatusException 400 with upstream's message when the body cannot be decoded
   * @throws IllegalArgumentException if {@code expected} has no message definition
   */
  public static Map<String, @Nullable Object> decode(byte[] body, GroupVersionKind expected,
      Predicate<GroupVersionKind> registered) {
    if (!hasMessage(expected)) {
      throw new IllegalArgumentException("no protobuf message for " + expected);
    }
    Envelope envelope;
    try {
      envelope = envelope(body);
    } catch (ProtoError e) {
      throw unrecognized(expected, e.getMessage(), body);
    }
    GroupVersionKind actual = withDefaults(envelope, expected);
    Map<String, @Nullable Object> object = new LinkedHashMap<>();
    object.put("kind", actual.kind());
    object.put("apiVersion", actual.apiVersion());
    Optional<MessageType> message = Schema.builtin().forKind(actual.apiVersion(), actual.kind());
    if (message.isEmpty()) {
      if (registered.test(actual)) {
        return object;
      }
      throw cannotHandle(actual, expected, "no kind " + GoQuote.quote(actual.kind())
          + " is registered for version " + GoQuote.quote(actual.apiVersion()) + " in scheme "
          + GoQuote.quote(SCHEME));
    }
    try {
      object.putAll(DECODER.decode(message.get(), envelope.raw()));
    } catch (ProtoError e) {
      throw cannotHandle(actual, expected, e.getMessage());
    }
    return object;
  }

  /**
   * Decodes a protobuf {@code DeleteOptions} body (the body of DELETE and deletecollection
   * requests from clients that prefer protobuf, such as {@code kubectl drain}). Its envelope may
   * name any group version; a missing kind or apiVersion is {@code meta.k8s.io/v1
   * DeleteOptions}.
   *
   * @return a new mutable map: {@code kind}, {@code apiVersion}, then the options' fields
   * @throws StatusException 400 with the decoder's error when the body cannot be decoded
   *     (upstream reports these as internal errors; Gatehouse does not answer 500 for bad input)
   */
  public static Map<String, @Nullable Object> decodeDeleteOptions(byte[] body) {
    try {
      Envelope envelope = envelope(body);
      Map<String, @Nullable Object> options = new LinkedHashMap<>();
      options.put("kind", envelope.kind().isEmpty() ? "DeleteOptions" : envelope.kind());
      options.put("apiVersion",
          envelope.apiVersion().isEmpty() ? "meta.k8s.io/v1" : envelope.apiVersion());
      options.putAll(DECODER.decode(Schema.builtin().message(DELETE_OPTIONS), envelope.raw()));
      return options;
    } catch (ProtoError e) {
      throw StatusException.badRequest(e.getMessage());
    }
  }

  /** Upstream's checks of the {@code k8s\0} prefix, then the envelope. */
  private static Envelope envelope(byte[] body) {
    if (body.length == 0) {
      throw new ProtoError("empty data");
    }
    if (body.length < Envelope.PREFIX.length
        || !Arrays.equals(body, 0, Envelope.PREFIX.length, Envelope.PREFIX, 0,
            Envelope.PREFIX.length)) {
      throw new ProtoError("provided data does not appear to be a protobuf message, "
          + "expected prefix [107 56 115 0]");
    }
    if (body.length == Envelope.PREFIX.length) {
      throw new ProtoError("empty body");
    }
    return Envelope.parse(body);
  }

  /**
   * Upstream's {@code unk.GroupVersionKind()} then {@code copyKindDefaults}: an unparsable
   * apiVersion counts as none.
   */
  private static GroupVersionKind withDefaults(Envelope envelope, GroupVersionKind expected) {
    String group = "";
    String version = "";
    String apiVersion = envelope.apiVersion();
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      version = apiVersion;
    } else if (apiVersion.indexOf('/', slash + 1) < 0) {
      group = apiVersion.substring(0, slash);
      version = apiVersion.substring(slash + 1);
    }
    String kind = envelope.kind().isEmpty() ? expected.kind() : envelope.kind();
    if (version.isEmpty() && !expected.version().isEmpty()) {
      group = expected.group();
      version = expected.version();
    }
    return new GroupVersionKind(group, version, kind);
  }

  private static StatusException unrecognized(GroupVersionKind expected, String error,
      byte[] body) {
    return StatusException.badRequest("the object provided is unrecognized (must be of type "
        + expected.kind() + "): " + error + " (" + summary(body) + ")");
  }

  private static StatusException cannotHandle(GroupVersionKind actual, GroupVersionKind expected,
      String error) {
    return StatusException.badRequest(actual.kind() + " in version "
        + GoQuote.quote(actual.version()) + " cannot be handled as a " + expected.kind() + ": "
        + error);
  }

  /** Upstream's {@code summarizeData(body, 30)}. */
  private static String summary(byte[] body) {
    if (body.length == 0) {
      return "<empty>";
    }
    int n = Math.min(body.length, 30);
    String suffix = body.length > 30 ? " ..." : "";
    if (body[0] == '{') {
      return new String(body, 0, n, java.nio.charset.StandardCharsets.UTF_8) + suffix;
    }
    return HexFormat.of().formatHex(body, 0, n) + suffix;
  }
}

package io.gatehouse.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.codec.ValueDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes request bodies (objects, patches, DeleteOptions) into the normal map tree: integers
 * {@code Long}, other numbers {@code Double}, maps insertion-ordered. A repeated key keeps the last
 * value, as Go's decoder does, and is reported as a duplicate field with its dotted path ({@code
 * metadata.name}, {@code spec.containers[0].image}) for {@code fieldValidation}. YAML bodies
 * ({@code application/yaml}) go through the project's YAML decoder, which refuses duplicates
 * outright. Stateless; thread-safe.
 */
final class BodyDecoder {

  // Requests run on virtual threads: Jackson's default thread-local buffer pool would give every
  // request fresh buffers, so parsers share a concurrent pool instead.
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(10_000).build())
      .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
      .build();

  /**
   * A decoded body.
   *
   * @param value the JSON value (a map for objects)
   * @param duplicates dotted paths of repeated keys, in document order
   */
  record Decoded(@Nullable Object value, List<String> duplicates) {
    Decoded {
      duplicates = List.copyOf(duplicates);
    }
  }

  private BodyDecoder() {}

  /**
   * Decodes {@code body} sent with {@code contentType}.
   *
   * @throws StatusException 400 with the decoder's message for malformed input
   */
  static Decoded decode(byte[] body, String contentType) {
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    if (type.startsWith("application/yaml") || type.startsWith("application/apply-patch+yaml")) {
      ValueDecoder.Result r = ValueDecoder.decode("body", body);
      if (!r.errors().isEmpty()) {
        throw StatusException.badRequest(r.errors().get(0).reason());
      }
      return new Decoded(r.value(), List.of());
    }
    List<String> duplicates = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw StatusException.badRequest("Object 'Kind' is missing in ''");
      }
      Object value = value(p, t, "", duplicates);
      if (p.nextToken() != null) {
        throw StatusException.badRequest("invalid character after top-level value");
      }
      return new Decoded(value, duplicates);
    } catch (JsonProcessingException e) {
      throw StatusException.badRequest("couldn't get version/kind; json parse error: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw StatusException.badRequest(e.getMessage());
    }
  }

  /** Decodes a JSON object body. @throws StatusException 400 if it is not an object */
  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> object(Decoded decoded) {
    if (decoded.value() instanceof Map<?, ?> m) {
      return (Map<String, @Nullable Object>) m;
    }
    throw StatusException.badRequest(
        "couldn't get version/kind; json parse error: json: cannot unmarshal "
            + goType(decoded.value()) + " into Go value of type struct { APIVersion string "
            + "\"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }");
  }

  private static String goType(@Nullable Object v) {
    if (v instanceof List<?>) {
      return "array";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    return v == null ? "null" : "number";
  }

  private static @Nullable Object value(JsonParser p, JsonToken t, String path,
      List<String> duplicates) throws IOException {
    return switch (t) {
      case START_OBJECT -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          String child = path.isEmpty() ? key : path + "." + key;
          if (map.containsKey(key)) {
            duplicates.add(child);
            map.remove(key);
          }
          map.put(key, value(p, p.nextToken(), child, duplicates));
        }
        yield map;
      }
      case START_ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
          list.add(value(p, next, path + "[" + list.size() + "]", duplicates));
        }
        yield list;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? (Object) p.getBigIntegerValue().doubleValue()
          : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      default -> throw StatusException.badRequest("unexpected JSON token " + t);
    };
  }
}

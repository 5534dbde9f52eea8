package io.gatehouse.api.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a stream of concatenated JSON values (objects, or arrays of objects) strictly: duplicate
 * keys are errors, integers become {@code Long} (beyond int64: {@code Double}), other numbers
 * {@code Double}. A syntax error ends the stream.
 *
 * <p>Not thread-safe; one instance per stream.
 */
final class JsonDocuments {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNestingDepth(10_000)
                  .build())
          .build();

  private final JsonParser parser;
  private IdentityHashMap<Object, Integer> lines = new IdentityHashMap<>();

  private JsonDocuments(JsonParser parser) {
    this.parser = parser;
  }

  static void decode(
      String text,
      Consumer<YamlDocuments.Document> documents,
      Consumer<DecodeException> errors) {
    try (JsonParser p = FACTORY.createParser(text)) {
      new JsonDocuments(p).run(documents);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      errors.accept(new DecodeException(line, "json: " + e.getOriginalMessage()));
    } catch (IOException e) {
      errors.accept(new DecodeException(1, "json: " + e.getMessage()));
    }
  }

  private void run(Consumer<YamlDocuments.Document> documents) throws IOException {
    JsonToken t;
    while ((t = parser.nextToken()) != null) {
      lines = new IdentityHashMap<>();
      int line = parser.currentTokenLocation().getLineNr();
      long start = parser.currentTokenLocation().getCharOffset();
      Object value = value(t);
      long end = parser.currentLocation().getCharOffset();
      documents.accept(new YamlDocuments.Document(line, value, lines, end - start));
    }
  }

  private @Nullable Object value(JsonToken t) throws IOException {
    return switch (t) {
      case START_OBJECT -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        lines.put(map, parser.currentTokenLocation().getLineNr());
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          map.put(key, value(parser.nextToken()));
        }
        yield map;
      }
      case START_ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(value(next));
        }
        yield list;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT ->
          parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? (Object) parser.getBigIntegerValue().doubleValue()
              : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      default -> throw new DecodeException(
          parser.currentTokenLocation().getLineNr(), "json: unexpected token " + t);
    };
  }
}

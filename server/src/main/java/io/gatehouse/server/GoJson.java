package io.gatehouse.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON as Go's {@code json.Encoder} does for the API server's responses: compact, {@code <},
 * {@code >}, and {@code &} escaped as {@code \\u003c}…, and a trailing newline
 * (Go also escapes U+2028 and U+2029; Jackson writes them raw, which decodes the same).
 * Thread-safe.
 */
final class GoJson {

  // Requests run on virtual threads: Jackson's default thread-local buffer pool would give every
  // encoding fresh buffers (allocating them was a third of an encoding), so generators share a
  // concurrent pool instead.
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
      .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build()).build();

  static {
    MAPPER.getFactory().setCharacterEscapes(new GoEscapes());
  }

  private GoJson() {}

  /**
   * Encodes {@code tree} (maps, lists, strings, numbers, booleans, null). The common types are
   * written straight to the generator; anything else goes through Jackson's databind as before.
   *
   * @throws IllegalArgumentException if {@code tree} holds something that cannot be encoded
   */
  static byte[] encode(Object tree) {
    ByteArrayBuilder out = new ByteArrayBuilder(1024);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      write(g, tree);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode " + tree.getClass().getName(), e);
    }
    out.append('\n');
    byte[] bytes = out.toByteArray();
    return bytes;
  }

  private static void write(JsonGenerator g, @Nullable Object value) throws IOException {
    switch (value) {
      case null -> g.writeNull();
      case String s -> g.writeString(s);
      case Map<?, ?> m -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          g.writeFieldName(e.getKey() instanceof String k ? k : String.valueOf(e.getKey()));
          write(g, e.getValue());
        }
        g.writeEndObject();
      }
      case List<?> l -> {
        g.writeStartArray();
        for (Object item : l) {
          write(g, item);
        }
        g.writeEndArray();
      }
      case Long n -> g.writeNumber(n);
      case Integer n -> g.writeNumber(n);
      case Boolean b -> g.writeBoolean(b);
      case Double d -> g.writeNumber(d);
      default -> MAPPER.writeValue(g, value);
    }
  }

  /** Go's HTML-safe escapes on top of the standard ones. */
  private static final class GoEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    GoEscapes() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes['<'] = CharacterEscapes.ESCAPE_CUSTOM;
      escapes['>'] = CharacterEscapes.ESCAPE_CUSTOM;
      escapes['&'] = CharacterEscapes.ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case '<' -> new SerializedString("\\u003c");
        case '>' -> new SerializedString("\\u003e");
        case '&' -> new SerializedString("\\u0026");
        default -> null;
      };
    }
  }
}

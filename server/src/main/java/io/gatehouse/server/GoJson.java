package io.gatehouse.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Arrays;

/**
 * Writes JSON as Go's {@code json.Encoder} does for the API server's responses: compact, {@code <},
 * {@code >}, and {@code &} escaped as {@code \\u003c}…, and a trailing newline
 * (Go also escapes U+2028 and U+2029; Jackson writes them raw, which decodes the same).
 * Thread-safe.
 */
final class GoJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  static {
    MAPPER.getFactory().setCharacterEscapes(new GoEscapes());
  }

  private GoJson() {}

  /**
   * Encodes {@code tree} (maps, lists, strings, numbers, booleans, null).
   *
   * @throws IllegalArgumentException if {@code tree} holds something else
   */
  static byte[] encode(Object tree) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(tree);
      byte[] out = Arrays.copyOf(json, json.length + 1);
      out[json.length] = '\n';
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + tree.getClass().getName(), e);
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

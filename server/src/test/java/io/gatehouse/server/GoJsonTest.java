package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoJsonTest {

  private static String json(Object tree) {
    return new String(GoJson.encode(tree), StandardCharsets.UTF_8);
  }

  @Test
  void encode_htmlCharacters_escapedAsGoDoesWithTrailingNewline() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", "a<b>&c \"q\"");
    m.put("n", 1L);
    assertThat(json(m)).isEqualTo("{\"message\":\"a\\u003cb\\u003e\\u0026c \\\"q\\\"\",\"n\":1}\n");
  }

  @Test
  void encode_controlCharacters_goShortEscapesElseLowerCaseHex() {
    assertThat(json("\b\f\n\r\t\\\u0000\u001b\u007f/"))
        .isEqualTo("\"\\b\\f\\n\\r\\t\\\\\\u0000\\u001b\u007f/\"\n");
  }

  @Test
  void encode_lineAndParagraphSeparators_escaped() {
    assertThat(json("x\u2028y\u2029z")).isEqualTo("\"x\\u2028y\\u2029z\"\n");
  }

  @Test
  void encode_nonAscii_utf8AndUnpairedSurrogatesReplaced() {
    String s = "é€😀" + '\ud800' + "a" + '\udc00';
    assertThat(GoJson.encode(s)).isEqualTo(
        ("\"é€😀\\ufffda\\ufffd\"\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void encode_longStringAcrossSegments_sameAsUtf8() {
    char[] chars = new char[9000];
    Arrays.fill(chars, 'é');
    String s = new String(chars, 0, 4095) + "😀" + new String(chars, 0, 4900);
    assertThat(json(s)).isEqualTo("\"" + s + "\"\n");
  }

  @Test
  void encode_everyValueType() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("l", 9_007_199_254_740_993L);
    m.put("i", 7);
    m.put("d", 0.5);
    m.put("whole", 2.0);
    m.put("b", true);
    m.put("null", null);
    m.put("list", Arrays.asList(1L, null, "a", List.of()));
    m.put("map", Map.of());
    m.put("float", 1.25f);
    m.put("<key>", List.of(Map.of("k", false)));
    m.put("record", new Pair("x", 3));
    assertThat(json(m)).isEqualTo("{\"l\":9007199254740993,\"i\":7,\"d\":0.5,\"whole\":2,"
        + "\"b\":true,\"null\":null,\"list\":[1,null,\"a\",[]],\"map\":{},\"float\":1.25,"
        + "\"\\u003ckey\\u003e\":[{\"k\":false}],\"record\":{\"name\":\"x\",\"n\":3}}\n");
  }

  record Pair(String name, int n) {}

  /** Go: {@code json.Marshal(float64)}. */
  @ParameterizedTest
  @CsvSource({
      "2.0, 2",
      "-1.5, -1.5",
      "0.1, 0.1",
      "1e20, 100000000000000000000",
      "1e21, 1e+21",
      "1.5e300, 1.5e+300",
      "0.000001, 0.000001",
      "1e-7, 1e-7",
      "1.25e-10, 1.25e-10",
      "123456789.125, 123456789.125",
      "-0.0, -0",
      "4.9e-324, 5e-324",
  })
  void encode_doubles_asEncodingJson(double value, String expected) {
    assertThat(json(value)).isEqualTo(expected + "\n");
  }

  @Test
  void encode_floats_asGoFloat32Encoder() {
    assertThat(json(List.of(0.1f, 1e21f, 1e-7f, 3f))).isEqualTo("[0.1,1e+21,1e-7,3]\n");
  }

  @Test
  void encode_nonFiniteDouble_rejected() {
    assertThatThrownBy(() -> GoJson.encode(Map.of("x", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("json: unsupported value: NaN");
  }

  private static final Object SLOT = new Object();

  /** A map whose entry "k" holds the slot at {@code position} among {@code others} entries. */
  private static Map<String, Object> withSlotAt(int position, int others) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i <= others; i++) {
      if (i == position) {
        m.put("k", SLOT);
      }
      if (i < others) {
        m.put("e" + i, Map.of("x", List.of(i, "<" + i + ">")));
      }
    }
    return m;
  }

  @ParameterizedTest
  @CsvSource({"0,0", "0,1", "1,1", "0,3", "1,3", "2,3", "3,3"})
  void encodeWithSlot_anyPosition_bytesLeaveTheEntryOutAndFillPutsItBack(int position,
      int others) {
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("before", "b");
    top.put("metadata", withSlotAt(position, others));
    top.put("after", List.of());

    GoJson.Slotted slotted = GoJson.encodeWithSlot(top, SLOT);

    Map<String, Object> without = new LinkedHashMap<>(withSlotAt(position, others));
    without.remove("k");
    Map<String, Object> expectedWithout = new LinkedHashMap<>(top);
    expectedWithout.put("metadata", without);
    assertThat(new String(slotted.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(json(expectedWithout));
    Map<String, Object> with = new LinkedHashMap<>(withSlotAt(position, others));
    with.put("k", "12\"<34>");
    Map<String, Object> expectedWith = new LinkedHashMap<>(top);
    expectedWith.put("metadata", with);
    assertThat(new String(slotted.fill("12\"<34>"), StandardCharsets.UTF_8))
        .isEqualTo(json(expectedWith));
  }

  @Test
  void encodeWithSlot_noneOrTwoEntriesHoldIt_rejected() {
    assertThatThrownBy(() -> GoJson.encodeWithSlot(Map.of("a", 1L), SLOT))
        .isInstanceOf(IllegalArgumentException.class);
    Map<String, Object> two = new LinkedHashMap<>();
    two.put("a", SLOT);
    two.put("b", Map.of("c", SLOT));
    assertThatThrownBy(() -> GoJson.encodeWithSlot(two, SLOT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

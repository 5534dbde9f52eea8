package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoJsonTest {

  @Test
  void encode_htmlCharacters_escapedAsGoDoesWithTrailingNewline() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", "a<b>&c \"q\"");
    m.put("n", 1L);
    assertThat(new String(GoJson.encode(m), StandardCharsets.UTF_8))
        .isEqualTo("{\"message\":\"a\\u003cb\\u003e\\u0026c \\\"q\\\"\",\"n\":1}\n");
  }

  @Test
  void encode_everyValueType_writtenAsJacksonDatabindWrites() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "x\u2028\ty");
    m.put("l", 9_007_199_254_740_993L);
    m.put("i", 7);
    m.put("d", 0.5);
    m.put("whole", 2.0);
    m.put("b", true);
    m.put("null", null);
    m.put("list", java.util.Arrays.asList(1L, null, "a", java.util.List.of()));
    m.put("map", Map.of());
    m.put("decimal", new java.math.BigDecimal("1.50"));
    m.put("float", 1.25f);
    m.put("<key>", java.util.List.of(Map.of("k", false)));
    com.fasterxml.jackson.databind.ObjectMapper plain = new com.fasterxml.jackson.databind.ObjectMapper();
    String databind = plain.writeValueAsString(m).replace("<", "\\u003c").replace(">", "\\u003e")
        + "\n";

    assertThat(new String(GoJson.encode(m), StandardCharsets.UTF_8)).isEqualTo(databind)
        .startsWith("{\"s\":\"x\u2028\\ty\",\"l\":9007199254740993,\"i\":7,\"d\":0.5,"
            + "\"whole\":2.0,\"b\":true,\"null\":null,\"list\":[1,null,\"a\",[]],\"map\":{},"
            + "\"decimal\":1.50,\"float\":1.25,\"\\u003ckey\\u003e\":[{\"k\":false}]}");
  }
}

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
}

package io.gatehouse.admission.validating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Go formatting of values inside upstream messages. */
class GoTextTest {

  @Test
  void quote_specialCharacters_escapedAsStrconvQuote() {
    assertThat(GoText.quote("a\"b\\c\nd\te\u0001é")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\x01é\"");
  }

  @Test
  void json_htmlAndControlCharacters_escapedAsEncodingJson() {
    assertThat(GoText.json("<a&b>\u2028\"\n\u0001")).isEqualTo("\"\\u003ca\\u0026b\\u003e\\u2028\\\"\\n\\u0001\"");
  }

  @Test
  void trimSpace_unicodeSpace_trimmedAsGo() {
    assertThat(GoText.trimSpace("\u00a0\t x \u3000\n")).isEqualTo("x");
    assertThat(GoText.trimSpace("\u001cx")).isEqualTo("\u001cx");
  }

  @Test
  void slice_values_renderedAsGoSyntax() {
    assertThat(GoText.slice("string", List.of("a", "b"))).isEqualTo("[]string{\"a\", \"b\"}");
  }
}

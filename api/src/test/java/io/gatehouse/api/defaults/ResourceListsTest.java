package io.gatehouse.api.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code SetDefaults_ResourceList}: {@code RoundUp(-3)} then Go's canonical {@code
 * Quantity.String}; non-quantities are left alone (null).
 */
class ResourceListsTest {

  private record Case(String name, @Nullable Object value, @Nullable String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    return Arrays.asList(
        new Case("milli kept", "100m", "100m"),
        new Case("1000m canonical", "1000m", "1"),
        new Case("fraction to milli", "0.5", "500m"),
        new Case("below milli rounds up", "0.0001", "1m"),
        new Case("nano rounds up", "1n", "1m"),
        new Case("micro rounds up", "1500u", "2m"),
        new Case("negative rounds away from zero", "-0.0001", "-1m"),
        new Case("binary kept", "1Gi", "1Gi"),
        new Case("binary canonical", "1024Mi", "1Gi"),
        new Case("fractional binary", "1.5Gi", "1536Mi"),
        new Case("decimal SI", "10G", "10G"),
        new Case("exponent", "1e3", "1e3"),
        new Case("integer number", 2L, "2"),
        new Case("float number", 0.25, "250m"),
        new Case("surrounding space", " 2 ", "2"),
        new Case("not a quantity", "two", null),
        new Case("boolean", true, null),
        new Case("null", null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void roundedText_value_roundsUpToMilli(Case c) {
    assertThat(ResourceLists.roundedText(c.value())).isEqualTo(c.expected());
  }
}

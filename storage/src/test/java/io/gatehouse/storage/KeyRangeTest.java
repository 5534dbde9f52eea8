package io.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyRangeTest {

  private record Case(String name, String prefix, String to) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<Case> ranges() {
    return Stream.of(
        new Case("ascii", "/registry/pods/", "/registry/pods0"),
        new Case("empty prefix is unbounded", "", ""),
        new Case("two-byte character", "/\u00e9", "/\u00ea"),
        new Case("below the surrogates skips them", "/\uD7FF", "/\uE000"),
        new Case("last BMP character", "/\uFFFF", "/\uD800\uDC00"),
        new Case("supplementary character", "/\uD83D\uDE00", "/\uD83D\uDE01"),
        new Case("last code point carries", "/a\uDBFF\uDFFF", "/b"),
        new Case("only the last code point", "\uDBFF\uDFFF\uDBFF\uDFFF", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ranges")
  void of_prefix_upperBoundIsSmallestKeyAboveTheRange(Case c) {
    KeyRange range = KeyRange.of(c.prefix());

    assertThat(range).isEqualTo(new KeyRange(c.prefix(), c.prefix(), c.to()));
    if (range.bounded()) {
      assertThat(utf8Compare(c.prefix() + "\uDBFF\uDFFF", c.to())).isNegative();
      assertThat(KeyRange.compare(c.prefix() + "\uDBFF\uDFFF", c.to())).isNegative();
    }
  }

  private record Pair(String name, String a, String b) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<Pair> pairs() {
    return Stream.of(
        new Pair("prefix first", "/a", "/ab"),
        new Pair("NUL follows the key", "/a", "/a\u0000"),
        new Pair("BMP above surrogates before supplementary", "/\uFFFD", "/\uD83D\uDE00"),
        new Pair("private use before supplementary", "/\uE000", "/\uD800\uDC00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void compare_pairs_followUtf8ByteOrder(Pair p) {
    assertThat(KeyRange.compare(p.a(), p.b())).isNegative();
    assertThat(KeyRange.compare(p.b(), p.a())).isPositive();
    assertThat(utf8Compare(p.a(), p.b())).isNegative();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void startAfter_keyInRange_isTheKeysSuccessor(Pair p) {
    KeyRange range = KeyRange.of("/");

    assertThat(range.startAfter(p.a())).isEqualTo(p.a() + "\u0000");
    assertThat(range.startAfter("")).isEqualTo("/");
    assertThat(KeyRange.of("/\uDBFF\uDFFF").startAfter(p.a())).isEqualTo("/\uDBFF\uDFFF");
  }

  private record BadKey(String name, String key) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<BadKey> badKeys() {
    return Stream.of(
        new BadKey("empty", ""),
        new BadKey("lone high surrogate at the end", "/\uD800"),
        new BadKey("lone low surrogate", "/\uDC00x"),
        new BadKey("only a high surrogate", "\uDBFF"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badKeys")
  void requireKey_badKey_throws(BadKey bad) {
    assertThatThrownBy(() -> KeyRange.requireKey(bad.key()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int utf8Compare(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}

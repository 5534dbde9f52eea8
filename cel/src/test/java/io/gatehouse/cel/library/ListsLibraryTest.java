package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.SimpleType;
import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ListsLibraryTest {

  /** The object of upstream's "stdlib list functions" case, as typed CEL values. */
  private static final Map<String, Object> SELF =
      Map.ofEntries(
          Map.entry("ints", List.of(1L, 2L, 2L, 3L)),
          Map.entry("unsortedInts", List.of(2L, 1L)),
          Map.entry("emptyInts", List.of()),
          Map.entry("doubles", List.of(1.0, 2.0, 2.0, 3.0)),
          Map.entry("unsortedDoubles", List.of(2.0, 1.0)),
          Map.entry("emptyDoubles", List.of()),
          Map.entry("durations", List.of(secs(1), secs(60), secs(60), secs(3600))),
          Map.entry("unsortedDurations", List.of(secs(60), secs(1))),
          Map.entry("emptyDurations", List.of()),
          Map.entry("strings", List.of("a", "b", "b", "c")),
          Map.entry("unsortedStrings", List.of("b", "a")),
          Map.entry("emptyStrings", List.of()),
          Map.entry(
              "dates",
              List.of(date("2000-01-01"), date("2000-02-01"), date("2000-02-01"), date("2010-01-01"))),
          Map.entry("unsortedDates", List.of(date("2000-02-01"), date("2000-01-01"))),
          Map.entry("emptyDates", List.of()),
          Map.entry(
              "objs",
              List.of(
                  Map.of("f1", "a", "f2", "a"),
                  Map.of("f1", "a", "f2", "b"),
                  Map.of("f1", "a", "f2", "b"),
                  Map.of("f1", "a", "f2", "c"))),
          Map.entry("mixedNumbers", List.of(2L, 1.5, UnsignedLong.valueOf(3))),
          Map.entry("uints", List.of(UnsignedLong.valueOf(3), UnsignedLong.valueOf(1))));

  private static final Evaluator EVAL =
      Evaluator.of(
          Environment.builder(KubernetesVersion.of(1, 33), EnvironmentType.STORED_EXPRESSIONS)
              .variable("self", SimpleType.DYN)
              .build(),
          Map.of("self", SELF));

  private static Duration secs(long s) {
    return Duration.ofSeconds(s);
  }

  private static Instant date(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }

  private record Case(String expression, Object expected) {
    @Override
    public String toString() {
      return expression;
    }
  }

  /** Upstream's valid rules (each must evaluate to true), then typed and dyn-dispatch cases. */
  static Stream<Case> trueExpressions() {
    return Stream.of(
            "self.ints.sum() == 8",
            "self.ints.min() == 1",
            "self.ints.max() == 3",
            "self.emptyInts.sum() == 0",
            "self.ints.isSorted()",
            "self.emptyInts.isSorted()",
            "self.unsortedInts.isSorted() == false",
            "self.ints.indexOf(2) == 1",
            "self.ints.lastIndexOf(2) == 2",
            "self.ints.indexOf(10) == -1",
            "self.ints.lastIndexOf(10) == -1",
            "self.doubles.sum() == 8.0",
            "self.doubles.min() == 1.0",
            "self.doubles.max() == 3.0",
            "self.doubles.isSorted()",
            "self.emptyDoubles.isSorted()",
            "self.unsortedDoubles.isSorted() == false",
            "self.doubles.indexOf(2.0) == 1",
            "self.doubles.lastIndexOf(2.0) == 2",
            "self.doubles.indexOf(10.0) == -1",
            "self.doubles.lastIndexOf(10.0) == -1",
            "self.durations.sum() == duration('1h2m1s')",
            "self.durations.min() == duration('1s')",
            "self.durations.max() == duration('1h')",
            "self.durations.isSorted()",
            "self.emptyDurations.isSorted()",
            "self.unsortedDurations.isSorted() == false",
            "self.durations.indexOf(duration('1m')) == 1",
            "self.durations.lastIndexOf(duration('1m')) == 2",
            "self.durations.indexOf(duration('2m')) == -1",
            "self.durations.lastIndexOf(duration('2m')) == -1",
            "self.strings.min() == 'a'",
            "self.strings.max() == 'c'",
            "self.strings.isSorted()",
            "self.emptyStrings.isSorted()",
            "self.unsortedStrings.isSorted() == false",
            "self.strings.indexOf('b') == 1",
            "self.strings.lastIndexOf('b') == 2",
            "self.strings.indexOf('x') == -1",
            "self.strings.lastIndexOf('x') == -1",
            "self.dates.min() == timestamp('2000-01-01T00:00:00.000Z')",
            "self.dates.max() == timestamp('2010-01-01T00:00:00.000Z')",
            "self.dates.isSorted()",
            "self.emptyDates.isSorted()",
            "self.unsortedDates.isSorted() == false",
            "self.dates.indexOf(timestamp('2000-02-01T00:00:00.000Z')) == 1",
            "self.dates.lastIndexOf(timestamp('2000-02-01T00:00:00.000Z')) == 2",
            "self.dates.indexOf(timestamp('2005-02-01T00:00:00.000Z')) == -1",
            "self.dates.lastIndexOf(timestamp('2005-02-01T00:00:00.000Z')) == -1",
            "[[1], [2]].indexOf([1]) == 0",
            "[{'a': 1}, {'b': 2}].lastIndexOf({'b': 2}) == 1",
            "self.objs.indexOf(self.objs[1]) == 1",
            "self.objs.lastIndexOf(self.objs[1]) == 2",
            "([0] + self.emptyInts).min() == 0",
            "dyn([]).sum() == 0",
            "dyn([1, 2]).sum() == 3",
            "dyn([1.0, 2.0]).sum() == 3.0",
            "[].sum() == 0",
            // statically typed receivers of every element type
            "[1u, 2u].sum() == 3u",
            "[3u, 1u, 2u].min() == 1u && [3u, 1u, 2u].max() == 3u",
            "[1u, 2u].isSorted() && ![2u, 1u].isSorted()",
            "[false, true].isSorted() && ![true, false].isSorted()",
            "[true, false].min() == false && [false, true].max() == true",
            "[b'a', b'b'].isSorted() && [b'\\xff', b'a'].max() == b'\\xff'",
            "[b'b', b'a'].min() == b'a'",
            "[duration('1s'), duration('2s')].sum() == duration('3s')",
            "[timestamp('2000-01-01T00:00:00Z')].max() == timestamp('2000-01-01T00:00:00Z')",
            "['\\U0001F600', '\\uFFFF'].max() == '\\U0001F600'",
            "['a', 'b'].indexOf('b') == 1",
            "[1, 1].lastIndexOf(1) == 1",
            // cel-go equality is heterogeneous for numbers
            "dyn([1, 2]).indexOf(2.0) == 1",
            "[1.0, 2.0].indexOf(dyn(2u)) == 1",
            // the first element decides the overload, comparisons cross numeric types
            "self.mixedNumbers.max() == 3u",
            "self.mixedNumbers.min() == 1.5",
            "!self.mixedNumbers.isSorted()",
            "self.uints.sum() == 4u",
            // ties keep the first element
            "[dyn(1), dyn(1.0)].min() == 1 && type([dyn(1), dyn(1.0)].min()) == int",
            // NaN cannot be ordered: it never wins and never breaks the order
            "[1.0, 0.0/0.0, 0.5].min() == 0.5",
            "[1.0, 0.0/0.0].isSorted() && [0.0/0.0, 1.0].isSorted()",
            "[dyn(1.0), dyn(2)].isSorted()")
        .map(e -> new Case(e, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trueExpressions")
  void evaluate_upstreamRule_isTrue(Case c) {
    assertThat(EVAL.value(c.expression())).isEqualTo(c.expected());
  }

  static Stream<Case> values() {
    return Stream.of(
        new Case("self.ints.sum()", 8L),
        new Case("self.doubles.sum()", 8.0),
        new Case("self.uints.sum()", UnsignedLong.valueOf(4)),
        new Case("self.durations.sum()", Duration.ofSeconds(3721)),
        new Case("self.emptyDurations.sum()", 0L),
        new Case("[duration('1s')].sum()", Duration.ofSeconds(1)),
        new Case("self.emptyInts.sum()", 0L),
        new Case("[1u].filter(x, x > 1u).sum()", UnsignedLong.ZERO),
        new Case("self.dates.max()", date("2010-01-01")),
        new Case("[b'z', b'a'].min()", dev.cel.common.values.CelByteString.copyFromUtf8("a")),
        new Case("self.objs.indexOf({'f1': 'a', 'f2': 'c'})", 3L),
        new Case("[].indexOf(1)", -1L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluate_listFunction_returnsUpstreamValue(Case c) {
    assertThat(EVAL.value(c.expression())).isEqualTo(c.expected());
  }

  static Stream<Case> failures() {
    return Stream.of(
        new Case("self.emptyInts.min() == 1", "min called on empty list"),
        new Case("self.emptyInts.max() == 3", "max called on empty list"),
        new Case("self.emptyDoubles.min() == 1.0", "min called on empty list"),
        new Case("self.emptyDoubles.max() == 3.0", "max called on empty list"),
        new Case("self.emptyStrings.min() == 'a'", "min called on empty list"),
        new Case("self.emptyStrings.max() == 'c'", "max called on empty list"),
        new Case("[1].filter(x, x > 1).min() == 1", "min called on empty list"),
        new Case("[9223372036854775807, 1].sum() == 0", "integer overflow"),
        new Case("[18446744073709551615u, 1u].sum() == 0u", "unsigned integer overflow"),
        new Case("[duration('2562047h'), duration('2562047h')].sum() == duration('0s')",
            "integer overflow"),
        // a dyn list is dispatched by its first element; the rest must add to it
        new Case("self.mixedNumbers.sum() == 0", "no such overload"),
        new Case("dyn(['a']).sum() == 0", "no such overload: sum(list)"),
        new Case("dyn([[1]]).min() == [1]", "no such overload: min(list)"),
        new Case("dyn([true]).sum() == 0", "no such overload: sum(list)"),
        new Case("[dyn(1), dyn([2])].max() == 1", "no such overload"),
        new Case("[dyn(1), dyn([2])].isSorted()", "no such overload"),
        new Case("dyn([1]).sum() == dyn(['a']).sum()", "no such overload: sum(list)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void evaluate_invalidInput_failsWithUpstreamMessage(Case c) {
    assertThat(EVAL.failure(c.expression())).isEqualTo(c.expected());
  }

  static Stream<Case> compileErrors() {
    return Stream.of(
        new Case(
            "['a', 'b'].sum() == 'c'",
            "ERROR: <input>:1:15: found no matching overload for 'sum' applied to"
                + " 'list(string).()'\n"
                + " | ['a', 'b'].sum() == 'c'\n"
                + " | ..............^"),
        new Case(
            "[[1], [2]].min() == [1]",
            "ERROR: <input>:1:15: found no matching overload for 'min' applied to"
                + " 'list(list(int)).()'\n"
                + " | [[1], [2]].min() == [1]\n"
                + " | ..............^"),
        new Case(
            "[{'a': 1}, {'b': 2}].max() == {'b': 2}",
            "ERROR: <input>:1:25: found no matching overload for 'max' applied to"
                + " 'list(map(string, int)).()'\n"
                + " | [{'a': 1}, {'b': 2}].max() == {'b': 2}\n"
                + " | ........................^"),
        new Case(
            "[1, 2].indexOf('a') == 0",
            "ERROR: <input>:1:15: found no matching overload for 'indexOf' applied to"
                + " 'list(int).(string)'\n"
                + " | [1, 2].indexOf('a') == 0\n"
                + " | ..............^"),
        new Case(
            "[true].sum()",
            "ERROR: <input>:1:11: found no matching overload for 'sum' applied to"
                + " 'list(bool).()'\n"
                + " | [true].sum()\n"
                + " | ..........^"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compileErrors")
  void compile_unsupportedElementType_failsWithCelGoMessage(Case c) {
    assertThat(EVAL.compileResult(c.expression()))
        .isEqualTo(new CompilationError(c.expression(), (String) c.expected()));
  }

  @Test
  void compile_oldestServer_offersLists() {
    assertThat(Evaluator.stored(KubernetesVersion.OLDEST.minor()).value("[2, 1].isSorted()")).isEqualTo(false);
  }
}

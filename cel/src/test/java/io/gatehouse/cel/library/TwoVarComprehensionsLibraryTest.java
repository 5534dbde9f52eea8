package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.CompilationError;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases ported from cel-go's ext/comprehensions_test.go, in a Kubernetes 1.33 environment. */
class TwoVarComprehensionsLibraryTest {

  private record Case(String name, String expression) {
    @Override
    public String toString() {
      return name;
    }
  }

  private record ErrorCase(String name, String expression, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> trueExpressions() {
    return Stream.of(
        new Case("list all", "[1, 2, 3, 4].all(i, v, i < 5 && v > 0)"),
        new Case("list all index below value", "[1, 2, 3, 4].all(i, v, i < v)"),
        new Case("list all false", "[1, 2, 3, 4].all(i, v, i > v) == false"),
        new Case("list all with optional index",
            "[1, 2, 3, 4].all(i, v, [1, 2, 3, 4, 5][?i].hasValue() && [1, 2, 3, 4, 5][i] == v)"),
        new Case("list all with missing index",
            "[1, 2, 3, 4, 5, 6].all(i, v, [1, 2, 3, 4, 5][?i].hasValue()) == false"),
        new Case("list exists",
            "['hello', 'world', 'hello!', 'worlds'].exists(i, v, v.startsWith('hello')"
                + " && ['hello', 'world', 'hello!', 'worlds'][?(i+1)]"
                + ".optMap(next, next.endsWith('world')).orValue(false))"),
        new Case("list existsOne",
            "['hello', 'world', 'hello!', 'worlds'].existsOne(i, v, v.startsWith('hello')"
                + " && ['hello', 'world', 'hello!', 'worlds'][?(i+1)]"
                + ".optMap(next, next.endsWith('world')).orValue(false))"),
        new Case("list exists_one false",
            "['hello', 'goodbye', 'hello!', 'goodbye'].exists_one(i, v, v.startsWith('hello')"
                + " && ['hello', 'goodbye', 'hello!', 'goodbye'][?(i+1)]"
                + ".optMap(next, next == 'goodbye').orValue(false)) == false"),
        new Case("list transformList with format",
            "['Hello', 'world'].transformList(i, v, '[%d]%s'.format([i, v.lowerAscii()]))"
                + " == ['[0]hello', '[1]world']"),
        new Case("list transformList filtered out",
            "['hello', 'world'].transformList(i, v, v.startsWith('greeting'),"
                + " '[%d]%s'.format([i, v])) == []"),
        new Case("list transformList arithmetic",
            "[1, 2, 3].transformList(indexVar, valueVar, (indexVar * valueVar) + valueVar)"
                + " == [1, 4, 9]"),
        new Case("list transformList filter",
            "[1, 2, 3].transformList(indexVar, valueVar, indexVar % 2 == 0,"
                + " (indexVar * valueVar) + valueVar) == [1, 9]"),
        new Case("list transformMap",
            "['Hello', 'world'].transformMap(i, v, [v.lowerAscii()])"
                + " == {0: ['hello'], 1: ['world']}"),
        new Case("list transformMap arithmetic",
            "[1, 2, 3].transformMap(indexVar, valueVar, (indexVar * valueVar) + valueVar)"
                + " == {0: 1, 1: 4, 2: 9}"),
        new Case("list transformMap filter",
            "[1, 2, 3].transformMap(indexVar, valueVar, indexVar % 2 == 0,"
                + " (indexVar * valueVar) + valueVar) == {0: 1, 2: 9}"),
        new Case("list transformMapEntry",
            "'key1:value1 key2:value2 key3:value3'.split(' ').transformMapEntry(i, v,"
                + " v.split(':').size() == 2 ? {v.split(':')[0]: v.split(':')[1]} : {})"
                + " == {'key1': 'value1', 'key2': 'value2', 'key3': 'value3'}"),
        new Case("list transformMapEntry optional entries",
            "'key1:value1:extra key2:value2 key3'.split(' ').transformMapEntry(i, v,"
                + " {?v.split(':')[0]: v.split(':')[?1]}) == {'key1': 'value1', 'key2': 'value2'}"),
        new Case("map all",
            "{'hello': 'world', 'hello!': 'world'}.all(k, v, k.startsWith('hello') && v == 'world')"),
        new Case("map all false",
            "{'hello': 'world', 'hello!': 'worlds'}.all(k, v, k.startsWith('hello')"
                + " && v.endsWith('world')) == false"),
        new Case("map exists",
            "{'hello': 'world', 'hello!': 'worlds'}.exists(k, v, k.startsWith('hello')"
                + " && v.endsWith('world'))"),
        new Case("map existsOne",
            "{'hello': 'world', 'hello!': 'worlds'}.existsOne(k, v, k.startsWith('hello')"
                + " && v.endsWith('world'))"),
        new Case("map exists_one",
            "{'hello': 'world', 'hello!': 'worlds'}.exists_one(k, v, k.startsWith('hello')"
                + " && v.endsWith('world'))"),
        new Case("map exists_one false",
            "{'hello': 'world', 'hello!': 'wow, world'}.exists_one(k, v, k.startsWith('hello')"
                + " && v.endsWith('world')) == false"),
        new Case("map transformList",
            "{'Hello': 'world'}.transformList(k, v, '%s=%s'.format([k.lowerAscii(), v]))"
                + " == ['hello=world']"),
        new Case("dyn map transformList",
            "dyn({'Hello': 'world'}).transformList(k, v, '%s=%s'.format([k.lowerAscii(), v]))"
                + " == ['hello=world']"),
        new Case("map transformList filtered out",
            "{'hello': 'world'}.transformList(k, v, k.startsWith('greeting'),"
                + " '%s=%s'.format([k, v])) == []"),
        new Case("map transformList keys",
            "{'greeting': 'hello', 'farewell': 'goodbye'}.transformList(k, _, k)"
                + " == ['greeting', 'farewell']"),
        new Case("map transformList values",
            "{'greeting': 'hello', 'farewell': 'goodbye'}.transformList(_, v, v)"
                + " == ['hello', 'goodbye']"),
        new Case("map transformMap",
            "{'hello': 'world', 'goodbye': 'cruel world'}.transformMap(k, v,"
                + " '%s, %s!'.format([k, v]))"
                + " == {'hello': 'hello, world!', 'goodbye': 'goodbye, cruel world!'}"),
        new Case("dyn map transformMap",
            "dyn({'hello': 'world', 'goodbye': 'cruel world'}).transformMap(k, v,"
                + " '%s, %s!'.format([k, v]))"
                + " == {'hello': 'hello, world!', 'goodbye': 'goodbye, cruel world!'}"),
        new Case("map transformMap filter",
            "{'hello': 'world', 'goodbye': 'cruel world'}.transformMap(k, v,"
                + " v.startsWith('world'), '%s, %s!'.format([k, v])) == {'hello': 'hello, world!'}"),
        new Case("map transformMapEntry",
            "{'hello': 'world', 'greetings': 'tacocat'}.transformMapEntry(k, v,"
                + " {k + '!': v + '?'}) == {'hello!': 'world?', 'greetings!': 'tacocat?'}"),
        new Case("map transformMapEntry filter",
            "{'hello': 'world', 'greetings': 'tacocat'}.transformMapEntry(k, v, v == 'tacocat',"
                + " {k: v}) == {'greetings': 'tacocat'}"),
        new Case("map transformMapEntry empty entries",
            "{'hello': 'world', 'greetings': 'tacocat'}.transformMapEntry(k, v, {}) == {}"),
        new Case("json object",
            "object.metadata.labels.all(k, v, k.startsWith('app') && v != '')"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trueExpressions")
  void evaluate_twoVariableComprehension_matchesCelGo(Case c) {
    Object object = Map.of("metadata", Map.of("labels", Map.of("app", "web", "app.tier", "1")));
    assertThat(Evaluations.value(33, c.expression(), object)).isEqualTo(true);
  }

  static Stream<ErrorCase> staticErrors() {
    return Stream.of(
        new ErrorCase("duplicate variable", "[].all(i, i, i < i)",
            "ERROR: <input>:1:11: duplicate variable name: i\n | [].all(i, i, i < i)\n"
                + " | ..........^"),
        new ErrorCase("first variable is the accumulator", "[].all(__result__, i, __result__ < i)",
            "ERROR: <input>:1:8: iteration variable overwrites accumulator variable\n"
                + " | [].all(__result__, i, __result__ < i)\n | .......^"),
        new ErrorCase("second variable is the accumulator", "[].all(j, __result__, __result__ < j)",
            "ERROR: <input>:1:11: iteration variable overwrites accumulator variable\n"
                + " | [].all(j, __result__, __result__ < j)\n | ..........^"),
        new ErrorCase("first variable not a name", "[].all(i.j, k, i.j < k)",
            "ERROR: <input>:1:9: argument must be a simple name\n | [].all(i.j, k, i.j < k)\n"
                + " | ........^"),
        new ErrorCase("second variable not a name", "[].exists(j, i.k, j < i.k)",
            "ERROR: <input>:1:15: argument must be a simple name\n | [].exists(j, i.k, j < i.k)\n"
                + " | ..............^"),
        new ErrorCase("transformMapEntry variable not a name", "{}.transformMapEntry(i.j, k, {k: i.j})",
            "ERROR: <input>:1:23: argument must be a simple name\n"
                + " | {}.transformMapEntry(i.j, k, {k: i.j})\n | ......................^"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("staticErrors")
  void compile_badIterationVariables_reportsCelGoError(ErrorCase c) {
    assertThat(Evaluations.compile(33, c.expression()))
        .isEqualTo(new CompilationError(c.expression(), c.message()));
  }

  static Stream<ErrorCase> runtimeErrors() {
    return Stream.of(
        new ErrorCase("duplicate int key", "[1, 1].transformMapEntry(i, v, {v: i})",
            "insert failed: key 1 already exists"),
        new ErrorCase("int and uint keys collide", "[dyn(0), dyn(0u)].transformMapEntry(i, v, {v: i})",
            "insert failed: key 0 already exists"),
        new ErrorCase("duplicate string key",
            "{'greeting': 'aloha', 'farewell': 'aloha'}.transformMapEntry(k, v, {v: k})",
            "insert failed: key aloha already exists"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runtimeErrors")
  void evaluate_duplicateKeys_failsWithCelGoText(ErrorCase c) {
    assertThat(Evaluations.failure(33, c.expression())).isEqualTo(c.message());
  }

  static List<String> twoVariableExpressions() {
    return List.of(
        "[1].all(i, v, v > 0)",
        "[1].exists(i, v, v > 0)",
        "[1].existsOne(i, v, v > 0)",
        "[1].transformList(i, v, v)",
        "{'a': 1}.transformMap(k, v, v)",
        "{'a': 1}.transformMapEntry(k, v, {v: k})");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twoVariableExpressions")
  void compile_twoVariableMacroBefore132_isRejected(String expression) {
    assertThat(Evaluations.compile(31, expression)).isInstanceOf(CompilationError.class);
    assertThat(Evaluations.compile(32, expression))
        .isNotInstanceOf(CompilationError.class);
  }
}

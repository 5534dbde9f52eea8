package io.gatehouse.server.apply;

import static io.gatehouse.server.apply.FieldManagerTest.json;
import static io.gatehouse.server.apply.Scenario.key;
import static io.gatehouse.server.apply.Scenario.p;
import static io.gatehouse.server.apply.Scenario.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Path elements and the {@code FieldsV1} encoding (upstream's {@code serialize*.go} formats). */
class FieldsV1Test {

  private record Case(String name, PathElement element, String serialized, String text) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> elements() {
    return Stream.of(
        new Case("field", new PathElement.FieldName("foo"), "f:foo", ".foo"),
        new Case("key", new PathElement.Key(List.of(
            new PathElement.KeyField("protocol", "TCP"),
            new PathElement.KeyField("containerPort", 80L))),
            "k:{\"containerPort\":80,\"protocol\":\"TCP\"}", "[containerPort=80,protocol=\"TCP\"]"),
        new Case("string value", v("a<b"), "v:\"a\\u003cb\"", "[=\"a<b\"]"),
        new Case("number value", v(5L), "v:5", "[=5]"),
        new Case("float value", v(1.5), "v:1.5", "[=1.5]"),
        new Case("index", new PathElement.Index(3), "i:3", "[3]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elements")
  void serialize_element_matchesUpstreamAndRoundTrips(Case c) {
    assertThat(c.element().serialized()).isEqualTo(c.serialized());
    assertThat(c.element().text()).isEqualTo(c.text());
    assertThat(PathElement.parse(c.serialized()).compareTo(c.element())).isZero();
  }

  @Test
  void parse_malformedKeys_failWithUpstreamTexts() {
    assertThatThrownBy(() -> PathElement.parse("f")).hasMessage("key must be 2 characters long:");
    assertThatThrownBy(() -> PathElement.parse("fx")).hasMessage("missing colon: fx");
    assertThatThrownBy(() -> PathElement.parse("z:x"))
        .isInstanceOf(PathElement.UnknownKindException.class);
  }

  @Test
  void encode_nodeThatIsMemberWithChildren_writesDotFirst() {
    FieldSet s = FieldSet.of(p("spec", "replicas"), p("metadata", "labels"),
        p("metadata", "labels", "a"), p("list", key("name", "x")),
        p("list", key("name", "x"), "name"), p("set", v("b")), p("set", v("a")));
    assertThat(json(FieldsV1.encode(s))).isEqualTo("{\"f:list\":{\"k:{\\\"name\\\":\\\"x\\\"}\":"
        + "{\".\":{},\"f:name\":{}}},\"f:metadata\":{\"f:labels\":{\".\":{},\"f:a\":{}}},"
        + "\"f:set\":{\"v:\\\"a\\\"\":{},\"v:\\\"b\\\"\":{}},\"f:spec\":{\"f:replicas\":{}}}");
    assertThat(FieldsV1.decode(FieldsV1.encode(s))).isEqualTo(s);
  }

  @Test
  void decode_unknownElementKinds_areDropped() {
    FieldSet s = FieldsV1.decode(FieldManagerTest.obj("{\"f:a\": {}, \"x:b\": {}, "
        + "\"f:c\": {\".\": {}, \"f:d\": {}}}"));
    assertThat(s.paths().stream().map(FieldPath::toString).toList())
        .containsExactly(".a", ".c", ".c.d");
  }

  @Test
  void decode_nonObject_isInvalid() {
    assertThatThrownBy(() -> FieldsV1.decode(FieldManagerTest.obj("{\"f:a\": [1]}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

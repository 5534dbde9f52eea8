package io.gatehouse.server.crd.cel;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.codec.ValueDecoder;
import io.gatehouse.server.crd.ObjectRules;
import io.gatehouse.server.schema.FieldError;
import io.gatehouse.server.schema.JsonSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CelObjectRulesTest {

  private record Case(String name, String spec, String rule, String object,
      @Nullable String old, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("absent field is no such key", "{type: object, properties: {opt: {type: string}}}",
            "self.opt == 'x'", "{}", null,
            List.of("spec: Invalid value: \"object\": no such key: opt evaluating rule: "
                + "self.opt == 'x'")),
        new Case("date-time is a timestamp",
            "{type: object, properties: {at: {type: string, format: date-time}}}",
            "self.at > timestamp('2020-01-01T00:00:00Z')", "{at: '2019-06-01T10:00:00Z'}", null,
            List.of("spec: Invalid value: \"object\": failed rule: self.at > "
                + "timestamp('2020-01-01T00:00:00Z')")),
        new Case("date-time after passes",
            "{type: object, properties: {at: {type: string, format: date-time}}}",
            "self.at > timestamp('2020-01-01T00:00:00Z')", "{at: '2021-06-01T10:00:00+02:00'}",
            null, List.of()),
        new Case("duration", "{type: object, properties: {d: {type: string, format: duration}}}",
            "self.d > duration('1h')", "{d: 30m}", null,
            List.of("spec: Invalid value: \"object\": failed rule: self.d > duration('1h')")),
        new Case("bytes", "{type: object, properties: {b: {type: string, format: byte}}}",
            "self.b == b'hi'", "{b: aGk=}", null, List.of()),
        new Case("number from an integer", "{type: object, properties: {num: {type: number}}}",
            "self.num == 2.0", "{num: 2}", null, List.of()),
        new Case("transition rule skipped on create",
            "{type: object, properties: {x: {type: string}}}", "self.x == oldSelf.x", "{x: a}",
            null, List.of()),
        new Case("transition rule on update",
            "{type: object, properties: {x: {type: string}}}", "self.x == oldSelf.x", "{x: a}",
            "{x: b}", List.of("spec: Invalid value: \"object\": failed rule: self.x == oldSelf.x")),
        new Case("per-call cost limit",
            "{type: object, properties: {l: {type: array, items: {type: string}}}}",
            "self.l.all(x, self.l.all(y, x == y || true))", "{l: " + list(1200) + "}", null,
            List.of("spec: Invalid value: \"object\": 'operation cancelled: actual cost limit "
                + "exceeded': no further validation rules will be run due to call cost exceeds "
                + "limit for rule: self.l.all(x, self.l.all(y, x == y || true))")));
  }

  private static String list(int n) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add("i" + i);
    }
    return "[" + String.join(", ", items) + "]";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_specRule_reportsUpstreamErrors(Case c) {
    String schema = "{type: object, properties: {spec: " + c.spec().replaceFirst("\\{",
        "{x-kubernetes-validations: [{rule: \"" + c.rule() + "\"}], ") + "}}";
    ObjectRules rules = CelObjectRules.of(JsonSchema.parse(yaml(schema)));
    List<String> warnings = new ArrayList<>();
    List<FieldError> errors = rules.validate(object(c.object()),
        c.old() == null ? null : object(c.old()), warnings);
    assertThat(errors).extracting(FieldError::message).containsExactlyElementsOf(c.errors());
  }

  @Test
  void validate_optionalOldSelfOnCreate_seesNone() {
    JsonSchema schema = JsonSchema.parse(yaml("{type: object, properties: {spec: {type: object,"
        + " properties: {x: {type: string, x-kubernetes-validations: [{rule: \"oldSelf.hasValue()"
        + " || self == 'init'\", optionalOldSelf: true, message: must start at init}]}}}}}"));
    List<FieldError> errors = CelObjectRules.of(schema).validate(object("{x: other}"), null,
        new ArrayList<>());
    assertThat(errors).extracting(FieldError::message)
        .containsExactly("spec.x: Invalid value: \"string\": must start at init");
  }

  @Test
  void validate_rootRule_seesNameAndReportsNilPath() {
    JsonSchema schema = JsonSchema.parse(yaml("{type: object, x-kubernetes-validations: [{rule:"
        + " \"self.metadata.name == 'a' && self.kind == 'Thing'\"}], properties: {spec: {type:"
        + " object}}}"));
    Map<String, @Nullable Object> obj = object("{}");
    obj.put("kind", "Thing");
    List<FieldError> errors = CelObjectRules.of(schema).validate(obj, null, new ArrayList<>());
    assertThat(errors).extracting(FieldError::message).containsExactly("<nil>: Invalid value: "
        + "\"object\": failed rule: self.metadata.name == 'a' && self.kind == 'Thing'");
  }

  @Test
  void of_schemaWithoutRules_isNone() {
    assertThat(CelObjectRules.of(JsonSchema.parse(yaml("{type: object}"))))
        .isSameAs(ObjectRules.NONE);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> object(String spec) {
    Map<String, @Nullable Object> obj = new LinkedHashMap<>();
    obj.put("apiVersion", "example.com/v1");
    obj.put("metadata", new LinkedHashMap<>(Map.of("name", "n1")));
    obj.put("spec", yaml(spec));
    return obj;
  }

  private static @Nullable Object yaml(String text) {
    ValueDecoder.Result r = ValueDecoder.decode("test", "---\n" + text);
    if (!r.errors().isEmpty()) {
      throw new IllegalArgumentException(r.errors().toString());
    }
    return r.value();
  }
}

package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CustomResourceRulesTest {

  private static final TestCrds.Crd CRD = TestCrds.namespaced("scalers", "Scaler").v1("""
          type: object
          x-kubernetes-validations:
          - rule: "self.metadata.name.startsWith('s')"
          properties:
            spec:
              type: object
              x-kubernetes-validations:
              - {rule: "self.min <= self.max", message: "min must not exceed max"}
              - rule: "self.size < 10"
                messageExpression: "'size ' + string(self.size) + ' is too big'"
              - {rule: "!has(self.secret)", reason: FieldValueForbidden, fieldPath: .secret,
                 message: "secret may not be set"}
              properties:
                min: {type: integer}
                max: {type: integer}
                size: {type: integer}
                secret: {type: string}
                extra:
                  type: string
                  x-kubernetes-validations:
                  - {rule: "self == 'x'"}
                name:
                  type: string
                  x-kubernetes-validations:
                  - {rule: "self == oldSelf", message: "name is immutable"}
                  - {rule: "self.startsWith('a')"}
                foo-bar:
                  type: integer
                  x-kubernetes-validations:
                  - {rule: "self > 0"}
                labels:
                  type: object
                  additionalProperties: {type: string}
                  x-kubernetes-validations:
                  - {rule: "self.all(k, k.size() < 5)", message: "short keys only"}
          """).build();

  private static final String SCALERS = "/apis/example.com/v1/namespaces/default/scalers";

  private final CrdFixture f = new CrdFixture();

  @BeforeEach
  void createCrd() {
    f.create(CRD);
  }

  private static String scaler(String name, String spec) {
    return "{apiVersion: example.com/v1, kind: Scaler, metadata: {name: " + name + "}, spec: "
        + spec + "}";
  }

  private record Case(String name, String spec, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> failures() {
    return Stream.of(
        new Case("message", "{min: 3, max: 2, size: 1}",
            "spec: Invalid value: \\\"object\\\": min must not exceed max"),
        new Case("messageExpression", "{min: 1, max: 2, size: 12}",
            "spec: Invalid value: \\\"object\\\": size 12 is too big"),
        new Case("reason and fieldPath", "{min: 1, max: 2, size: 1, secret: s}",
            "spec.secret: Forbidden: secret may not be set"),
        new Case("default message on a string", "{min: 1, max: 2, size: 1, name: bob}",
            "spec.name: Invalid value: \\\"string\\\": failed rule: self.startsWith('a')"),
        new Case("escaped property", "{min: 1, max: 2, size: 1, foo-bar: 0}",
            "spec.foo-bar: Invalid value: \\\"integer\\\": failed rule: self \\u003e 0"),
        new Case("map keys", "{min: 1, max: 2, size: 1, labels: {longkey: v}}",
            "spec.labels: Invalid value: \\\"object\\\": short keys only"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void create_ruleFails_isInvalidWithUpstreamMessage(Case c) {
    ApiResponse r = f.yaml("POST", SCALERS, scaler("s1", c.spec()));
    assertThat(r.status()).as(r.bodyText()).isEqualTo(422);
    assertThat(r.bodyText()).contains("\"message\":\"Scaler.example.com \\\"s1\\\" is invalid: "
        + c.message() + "\"");
  }

  @Test
  void create_rootRuleOnMetadataName_fails() {
    ApiResponse r = f.yaml("POST", SCALERS, scaler("x1", "{min: 1, max: 2, size: 1}"));
    assertThat(r.bodyText()).contains("\"message\":\"Scaler.example.com \\\"x1\\\" is invalid: "
        + "\\u003cnil\\u003e: Invalid value: \\\"object\\\": failed rule: "
        + "self.metadata.name.startsWith('s')\"");
  }

  @Test
  void update_transitionRule_checksOldSelf() {
    assertThat(f.yaml("POST", SCALERS, scaler("s1", "{min: 1, max: 2, size: 1, name: ann}"))
        .status()).isEqualTo(201);
    ApiResponse r = f.api.send("PATCH", SCALERS + "/s1", "{\"spec\":{\"name\":\"abe\"}}",
        "Content-Type", "application/merge-patch+json");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.bodyText()).contains("spec.name: Invalid value: \\\"string\\\": name is "
        + "immutable");
  }

  @Test
  void update_unchangedInvalidField_isRatchetedToWarning() {
    assertThat(f.yaml("POST", SCALERS, scaler("s1", "{min: 1, max: 2, size: 1, extra: x}"))
        .status()).isEqualTo(201);
    String stricter = CRD.yaml().replace("self == 'x'", "self == 'y'");
    ApiResponse crd = f.api.send("GET", CrdFixture.CRDS + "/scalers.example.com", "");
    String rv = crd.bodyText().replaceAll(".*\"resourceVersion\":\"(\\d+)\".*", "$1").strip();
    ApiResponse updated = f.yaml("PUT", CrdFixture.CRDS + "/scalers.example.com",
        stricter.replace("metadata: {name: scalers.example.com}",
            "metadata: {name: scalers.example.com, resourceVersion: \"" + rv + "\"}"));
    assertThat(updated.status()).as(updated.bodyText()).isEqualTo(200);
    f.settle();
    ApiResponse r = f.api.send("PATCH", SCALERS + "/s1", "{\"spec\":{\"size\":2}}",
        "Content-Type", "application/merge-patch+json");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(r.headers().get("Warning")).isEqualTo("299 - \"spec.extra: Invalid value: "
        + "\\\"string\\\": failed rule: self == 'y'\"");
    ApiResponse changed = f.api.send("PATCH", SCALERS + "/s1", "{\"spec\":{\"extra\":\"z\"}}",
        "Content-Type", "application/merge-patch+json");
    assertThat(changed.status()).isEqualTo(422);
  }

  @Test
  void createCrd_ruleDoesNotCompile_isInvalid() {
    String bad = CRD.yaml().replace("scalers", "gauges").replace("Scaler", "Gauge")
        .replace("self.min <= self.max", "self.nope <= self.max");
    ApiResponse r = f.yaml("POST", CrdFixture.CRDS, bad);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.bodyText()).contains("spec.validation.openAPIV3Schema.properties[spec]"
        + ".x-kubernetes-validations[0].rule: Invalid value: ", "compilation failed: ERROR: "
        + "\\u003cinput\\u003e:1:5: undefined field 'nope'");
  }
}

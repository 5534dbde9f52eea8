package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DeleteOptions read from the query of a delete without a body, as kube-apiserver 1.33's parameter
 * codec reads them, then validated: the whole Status of each refusal.
 */
class DeleteOptionsQueryTest {

  private static final String CM = "/api/v1/namespaces/default/configmaps";

  private final RestFixture api = new RestFixture();

  @BeforeEach
  void configMap() {
    assertThat(api.json("POST", CM, "{\"metadata\":{\"name\":\"c1\"}}").status()).isEqualTo(201);
  }

  private record Case(String name, String uri, String status) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String badRequest(String message) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"" + message + "\",\"reason\":\"BadRequest\",\"code\":400}\n";
  }

  private static String invalid(String message, String causes) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"DeleteOptions.meta.k8s.io \\\"\\\" is invalid: " + message + "\","
        + "\"reason\":\"Invalid\",\"details\":{\"group\":\"meta.k8s.io\",\"kind\":"
        + "\"DeleteOptions\",\"causes\":[" + causes + "]},\"code\":422}\n";
  }

  private static final String BOTH_SET = "orphanDependents and deletionPropagation cannot be both "
      + "set";
  private static final String POLICIES = "supported values: \\\"Foreground\\\", "
      + "\\\"Background\\\", \\\"Orphan\\\", \\\"nil\\\"";

  private static String cause(String reason, String message, String field) {
    return "{\"reason\":\"" + reason + "\",\"message\":\"" + message + "\",\"field\":\"" + field
        + "\"}";
  }

  static Stream<Case> refusals() {
    String bothSet = "Invalid value: \\\"Background\\\": " + BOTH_SET;
    String empty = "Unsupported value: \\\"\\\": " + POLICIES;
    String later = "Unsupported value: \\\"Later\\\": " + POLICIES;
    String bogus = "Unsupported value: []string{\\\"Bogus\\\"}: supported values: \\\"All\\\"";
    return Stream.of(
        new Case("non-integer gracePeriodSeconds", CM + "/c1?gracePeriodSeconds=abc",
            badRequest("strconv.ParseInt: parsing \\\"abc\\\": invalid syntax")),
        new Case("gracePeriodSeconds without a value", CM + "/c1?gracePeriodSeconds",
            badRequest("strconv.ParseInt: parsing \\\"\\\": invalid syntax")),
        new Case("deletecollection, gracePeriodSeconds beyond int64",
            CM + "?gracePeriodSeconds=9223372036854775808",
            badRequest("strconv.ParseInt: parsing \\\"9223372036854775808\\\": value out of "
                + "range")),
        new Case("orphanDependents with propagationPolicy",
            CM + "/c1?orphanDependents=false&propagationPolicy=Background",
            invalid("propagationPolicy: " + bothSet,
                cause("FieldValueInvalid", bothSet, "propagationPolicy"))),
        new Case("empty propagationPolicy", CM + "/c1?propagationPolicy=",
            invalid("propagationPolicy: " + empty,
                cause("FieldValueNotSupported", empty, "propagationPolicy"))),
        new Case("every error, in upstream's order",
            CM + "/c1?dryRun=Bogus&propagationPolicy=Later&orphanDependents",
            invalid("[propagationPolicy: Invalid value: \\\"Later\\\": " + BOTH_SET
                    + ", propagationPolicy: " + later + ", dryRun: " + bogus + "]",
                cause("FieldValueInvalid", "Invalid value: \\\"Later\\\": " + BOTH_SET,
                    "propagationPolicy") + ","
                    + cause("FieldValueNotSupported", later, "propagationPolicy") + ","
                    + cause("FieldValueNotSupported", bogus, "dryRun"))),
        new Case("deletecollection, orphanDependents with propagationPolicy",
            CM + "?labelSelector=a%3Db&orphanDependents=true&propagationPolicy=Background",
            invalid("propagationPolicy: " + bothSet,
                cause("FieldValueInvalid", bothSet, "propagationPolicy"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void delete_badQueryOptions_upstreamStatusAndObjectKept(Case c) {
    ApiResponse r = api.send("DELETE", c.uri(), "");

    assertThat(r.bodyText()).isEqualTo(c.status());
    assertThat(api.json("GET", CM + "/c1", "").status()).isEqualTo(200);
  }

  @Test
  void delete_uidPreconditionInQuery_conflictNamedByKind() {
    String uid = object(api.json("GET", CM + "/c1", "")).uid();

    ApiResponse r = api.send("DELETE", CM + "/c1?uid=other", "");

    assertThat(r.bodyText()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":"
        + "{},\"status\":\"Failure\",\"message\":\"Operation cannot be fulfilled on ConfigMap "
        + "\\\"c1\\\": the UID in the precondition (other) does not match the UID in record ("
        + uid + "). The object might have been deleted and then recreated\",\"reason\":"
        + "\"Conflict\",\"details\":{\"name\":\"c1\",\"kind\":\"ConfigMap\"},\"code\":409}\n");
  }

  @Test
  void deleteCollection_resourceVersionPreconditionInQuery_conflict() {
    String rv = (String) object(api.json("GET", CM + "/c1", "")).metadata()
        .get("resourceVersion");

    ApiResponse r = api.send("DELETE", CM + "?resourceVersion=1", "");

    assertThat(r.bodyText()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":"
        + "{},\"status\":\"Failure\",\"message\":\"Operation cannot be fulfilled on ConfigMap "
        + "\\\"c1\\\": the ResourceVersion in the precondition (1) does not match the "
        + "ResourceVersion in record (" + rv + "). The object might have been modified\","
        + "\"reason\":\"Conflict\",\"details\":{\"name\":\"c1\",\"kind\":\"ConfigMap\"},"
        + "\"code\":409}\n");
    assertThat(api.json("GET", CM + "/c1", "").status()).isEqualTo(200);
  }

  @Test
  void delete_matchingPreconditionsInQuery_deleted() {
    Unstructured c1 = object(api.json("GET", CM + "/c1", ""));

    ApiResponse r = api.send("DELETE", CM + "/c1?uid=" + c1.uid() + "&resourceVersion="
        + c1.metadata().get("resourceVersion"), "");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(api.json("GET", CM + "/c1", "").status()).isEqualTo(404);
  }

  @Test
  void delete_negativeGracePeriod_acceptedAndDeleted() {
    ApiResponse r = api.send("DELETE", CM + "/c1?gracePeriodSeconds=-1&uid=", "");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(api.json("GET", CM + "/c1", "").status()).isEqualTo(404);
  }

  @Test
  void delete_bodyPresent_queryNotParsed() {
    ApiResponse r = api.send("DELETE", CM + "/c1?gracePeriodSeconds=abc&uid=other", "{}",
        "Content-Type", "application/json");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(api.json("GET", CM + "/c1", "").status()).isEqualTo(404);
  }

  @Test
  void delete_orphanDependentsTrueInQuery_orphanFinalizer() {
    ApiResponse r = api.send("DELETE", CM + "/c1?orphanDependents=yes", "");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(Registry.finalizers(object(r))).containsExactly("orphan");
  }

  @Test
  void delete_orphanDependentsFalseInQueryWithPendingFinalizer_accepted() {
    api.json("POST", CM, "{\"metadata\":{\"name\":\"held\",\"finalizers\":[\"example.com/h\"]}}");

    ApiResponse r = api.send("DELETE", CM + "/held?orphanDependents=FALSE", "");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(202);
    assertThat(Registry.finalizers(object(r))).containsExactly("example.com/h");
  }

  private record Int(String text, String outcome) {
    @Override
    public String toString() {
      return "\"" + text + "\"";
    }
  }

  static Stream<Int> integers() {
    String syntax = "invalid syntax";
    String range = "value out of range";
    return Stream.of(new Int("0", "0"), new Int("-0", "0"), new Int("+15", "15"),
        new Int("0012", "12"), new Int("9223372036854775807", "9223372036854775807"),
        new Int("-9223372036854775808", "-9223372036854775808"),
        new Int("9223372036854775808", range), new Int("-9223372036854775809", range),
        new Int("18446744073709551616", range), new Int("99999999999999999999x", range),
        new Int("", syntax), new Int("+", syntax), new Int("-", syntax), new Int("+-1", syntax),
        new Int(" 1", syntax), new Int("1_000", syntax), new Int("0x10", syntax),
        new Int("1.5", syntax), new Int("\u0661", syntax), new Int("x99999999999999999999", syntax));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integers")
  void parseInt64_goCases_valueOrGoError(Int c) {
    if (c.outcome().matches("-?\\d+")) {
      assertThat(DeleteOptionsQuery.parseInt64(c.text())).isEqualTo(Long.parseLong(c.outcome()));
    } else {
      assertThatThrownBy(() -> DeleteOptionsQuery.parseInt64(c.text()))
          .isInstanceOfSatisfying(StatusException.class, e -> {
            assertThat(e.status().code()).isEqualTo(400);
            assertThat(e.status().message()).isEqualTo("strconv.ParseInt: parsing "
                + io.gatehouse.api.GoQuote.quote(c.text()) + ": " + c.outcome());
          });
    }
  }

  private static Unstructured object(ApiResponse r) {
    return Unstructured.wrap(BodyDecoder.object(BodyDecoder.decode(r.body(), "application/json")));
  }
}

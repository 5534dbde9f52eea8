package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The write options' validation as kube-apiserver 1.33's handlers run it ({@code
 * ValidateCreateOptions}, {@code …UpdateOptions}, {@code …PatchOptions}, {@code
 * …DeleteOptions}): the whole Status of each refusal.
 */
class WriteOptionsValidationTest {

  private static final String CM = "/api/v1/namespaces/default/configmaps";
  private static final String CM_BODY = "{\"metadata\":{\"name\":\"c1\"},\"data\":{\"a\":\"b\"}}";
  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
  private static final String BOGUS_CAUSE = "{\"reason\":\"FieldValueNotSupported\",\"message\":"
      + "\"Unsupported value: []string{\\\"Bogus\\\"}: supported values: \\\"All\\\"\","
      + "\"field\":\"dryRun\"}";

  private final RestFixture api = new RestFixture();

  @BeforeEach
  void objects() {
    assertThat(api.json("POST", CM, CM_BODY).status()).isEqualTo(201);
    assertThat(api.json("POST", DEPLOYMENTS, """
        {"metadata":{"name":"web"},"spec":{"selector":{"matchLabels":{"app":"web"}},
         "template":{"metadata":{"labels":{"app":"web"}},
                     "spec":{"containers":[{"name":"c","image":"nginx"}]}}}}""").status())
        .isEqualTo(201);
  }

  private record Case(String name, String method, String uri, String contentType, String body,
      String status) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String invalid(String kind, String message, String causes) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"" + kind + ".meta.k8s.io \\\"\\\" is invalid: " + message + "\","
        + "\"reason\":\"Invalid\",\"details\":{\"group\":\"meta.k8s.io\",\"kind\":\"" + kind
        + "\",\"causes\":[" + causes + "]},\"code\":422}\n";
  }

  private static String bogusDryRun(String kind) {
    return invalid(kind, "dryRun: Unsupported value: []string{\\\"Bogus\\\"}: supported values: "
        + "\\\"All\\\"", BOGUS_CAUSE);
  }

  static Stream<Case> refusals() {
    String json = "application/json";
    String merge = "application/merge-patch+json";
    String apply = "application/apply-patch+yaml";
    return Stream.of(
        new Case("create", "POST", CM + "?dryRun=Bogus", json,
            "{\"metadata\":{\"name\":\"c2\"}}", bogusDryRun("CreateOptions")),
        new Case("update", "PUT", CM + "/c1?dryRun=Bogus", json, CM_BODY,
            bogusDryRun("UpdateOptions")),
        new Case("merge patch", "PATCH", CM + "/c1?dryRun=Bogus", merge, "{}",
            bogusDryRun("PatchOptions")),
        new Case("apply patch without a manager", "PATCH", CM + "/c1?dryRun=Bogus", apply, "{}",
            invalid("PatchOptions", "[fieldManager: Required value: is required for apply patch, "
                + "dryRun: Unsupported value: []string{\\\"Bogus\\\"}: supported values: "
                + "\\\"All\\\"]", "{\"reason\":\"FieldValueRequired\",\"message\":\"Required "
                + "value: is required for apply patch\",\"field\":\"fieldManager\"},"
                + BOGUS_CAUSE)),
        new Case("scale update", "PUT", DEPLOYMENTS + "/web/scale?dryRun=Bogus", json,
            "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":3}}",
            bogusDryRun("UpdateOptions")),
        new Case("delete, options in the query", "DELETE", CM + "/c1?dryRun=Bogus", json, "",
            bogusDryRun("DeleteOptions")),
        new Case("delete, options in the body", "DELETE", CM + "/c1", json,
            "{\"dryRun\":[\"Bogus\"]}", bogusDryRun("DeleteOptions")),
        new Case("deletecollection", "DELETE", CM + "?dryRun=Bogus", json, "",
            bogusDryRun("DeleteOptions")),
        new Case("every value is checked", "POST", CM + "?dryRun=All&dryRun=", json,
            "{\"metadata\":{\"name\":\"c2\"}}", invalid("CreateOptions",
                "dryRun: Unsupported value: []string{\\\"All\\\", \\\"\\\"}: supported values: "
                    + "\\\"All\\\"", "{\"reason\":\"FieldValueNotSupported\",\"message\":"
                    + "\"Unsupported value: []string{\\\"All\\\", \\\"\\\"}: supported values: "
                    + "\\\"All\\\"\",\"field\":\"dryRun\"}")),
        new Case("fieldManager, dryRun and fieldValidation in upstream's order", "POST",
            CM + "?fieldValidation=Loose&dryRun=Bogus&fieldManager=a%09b", json,
            "{\"metadata\":{\"name\":\"c2\"}}", invalid("CreateOptions",
                "[fieldManager: Invalid value: \\\"a\\\\tb\\\": invalid character U+0009 (at "
                    + "position 1), dryRun: Unsupported value: []string{\\\"Bogus\\\"}: "
                    + "supported values: \\\"All\\\", fieldValidation: Unsupported value: "
                    + "\\\"Loose\\\": supported values: \\\"\\\", \\\"Ignore\\\", \\\"Strict\\\", "
                    + "\\\"Warn\\\"]",
                "{\"reason\":\"FieldValueInvalid\",\"message\":\"Invalid value: \\\"a\\\\tb\\\": "
                    + "invalid character U+0009 (at position 1)\",\"field\":\"fieldManager\"},"
                    + BOGUS_CAUSE + ",{\"reason\":\"FieldValueNotSupported\",\"message\":"
                    + "\"Unsupported value: \\\"Loose\\\": supported values: \\\"\\\", "
                    + "\\\"Ignore\\\", \\\"Strict\\\", \\\"Warn\\\"\",\"field\":"
                    + "\"fieldValidation\"}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void write_unsupportedOption_422WithUpstreamStatus(Case c) {
    ApiResponse r = api.send(c.method(), c.uri(), c.body(), "Content-Type", c.contentType());

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.bodyText()).isEqualTo(c.status());
    assertThat(api.json("GET", CM + "/c1", "").status()).isEqualTo(200);
  }

  @Test
  void delete_bodyAndQuery_onlyTheBodyCounts() {
    ApiResponse r = api.json("DELETE", CM + "/c1?dryRun=All", "{\"propagationPolicy\":"
        + "\"Background\"}");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(api.json("GET", CM + "/c1", "").status()).isEqualTo(404);
  }

  @Test
  void delete_dryRunInQueryWithoutBody_keepsTheObject() {
    ApiResponse r = api.json("DELETE", CM + "/c1?dryRun=All", "");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(api.json("GET", CM + "/c1", "").status()).isEqualTo(200);
  }
}

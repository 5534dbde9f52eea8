package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Updates and the metadata times, as upstream's {@code rest.BeforeUpdate} treats them: a new
 * {@code creationTimestamp} is ignored, a {@code deletionTimestamp} once set and a grace period
 * left out are kept, and setting or changing them otherwise is 422 "field is immutable" with the
 * time printed as Go prints a {@code metav1.Time}.
 */
class MetadataTimesUpdateTest {

  private static final String CMS = "/api/v1/namespaces/default/configmaps";

  private final RestFixture api = new RestFixture();

  private String created(String name, String extraMeta) {
    ApiResponse r = api.json("POST", CMS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
        + "\"metadata\":{\"name\":\"" + name + "\"" + extraMeta + "}}");
    assertThat(r.status()).isEqualTo(201);
    return r.bodyText().replaceAll("(?s).*\"creationTimestamp\":\"([^\"]+)\".*", "$1");
  }

  private ApiResponse put(String name, String meta) {
    return api.json("PUT", CMS + "/" + name, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
        + "\"metadata\":{\"name\":\"" + name + "\"" + meta + "},\"data\":{\"k\":\"v\"}}");
  }

  @Test
  void put_newCreationTimestamp_ignored() {
    String createdAt = created("a", "");

    ApiResponse r = put("a", ",\"creationTimestamp\":\"2001-02-03T04:05:06Z\"");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).contains("\"creationTimestamp\":\"" + createdAt + "\"")
        .contains("\"data\":{\"k\":\"v\"}");
  }

  @Test
  void put_deletionTimestampOnLiveObject_invalidTwoCausesGoTimeText() {
    created("b", "");

    ApiResponse r = put("b", ",\"deletionTimestamp\":\"2024-01-01T01:00:00.250+01:00\"");

    assertThat(r.status()).isEqualTo(422);
    String cause = "{\"reason\":\"FieldValueInvalid\",\"message\":\"Invalid value: 2024-01-01"
        + " 00:00:00.25 +0000 UTC: field is immutable\",\"field\":\"metadata.deletionTimestamp\"}";
    assertThat(r.bodyText()).contains("\"message\":\"ConfigMap \\\"b\\\" is invalid: "
        + "metadata.deletionTimestamp: Invalid value: 2024-01-01 00:00:00.25 +0000 UTC: field is"
        + " immutable\"").contains("\"causes\":[" + cause + "," + cause + "]");
    assertThat(api.json("GET", CMS + "/b", "").bodyText()).doesNotContain("deletionTimestamp");
  }

  @Test
  void put_whileDeleting_deletionTimestampKeptGracePeriodChangeInvalid() {
    created("c", ",\"finalizers\":[\"example.com/hold\"]");
    assertThat(api.json("DELETE", CMS + "/c", "").status()).isEqualTo(200);
    String deleting = api.json("GET", CMS + "/c", "").bodyText();
    String deletedAt = deleting.replaceAll("(?s).*\"deletionTimestamp\":\"([^\"]+)\".*", "$1");

    ApiResponse kept = put("c", ",\"finalizers\":[\"example.com/hold\"]");
    ApiResponse changed = put("c", ",\"finalizers\":[\"example.com/hold\"],"
        + "\"deletionGracePeriodSeconds\":5");

    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.bodyText()).contains("\"deletionTimestamp\":\"" + deletedAt + "\"")
        .contains("\"deletionGracePeriodSeconds\":0");
    assertThat(changed.status()).isEqualTo(422);
    assertThat(changed.bodyText()).contains("metadata.deletionGracePeriodSeconds: Invalid value:"
        + " 5: field is immutable");
  }
}

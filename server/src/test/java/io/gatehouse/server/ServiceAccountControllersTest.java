package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.auth.serviceaccount.ServiceAccountNames;
import io.gatehouse.auth.serviceaccount.SigningKey;
import io.gatehouse.auth.serviceaccount.TokenGenerator;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ServiceAccountControllersTest {

  private final RestFixture rest = new RestFixture();

  private void post(String uri, String body) {
    ApiResponse r = rest.json("POST", uri, body);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
  }

  private Unstructured get(String resource, String ns, String name) {
    return rest.registry.get(StoredObjects.core(rest.table, resource), ns, name);
  }

  @Test
  void sync_activeNamespaces_defaultServiceAccountWithoutSecrets() {
    post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"team\"}}");
    ServiceAccountController controller = new ServiceAccountController(rest.registry, rest.table);

    controller.sync();

    assertThat(get("serviceaccounts", "team", "default").object()).doesNotContainKey("secrets");
    assertThat(get("serviceaccounts", "kube-system", "default").name()).isEqualTo("default");
    assertThat(StoredObjects.list(rest.registry, StoredObjects.core(rest.table, "secrets"), ""))
        .isEmpty();
  }

  @Test
  void sync_terminatingNamespace_noServiceAccount() {
    post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"going\"}}");
    rest.send("DELETE", "/api/v1/namespaces/going", "");

    new ServiceAccountController(rest.registry, rest.table).sync();

    assertThatThrownBy(() -> get("serviceaccounts", "going", "default"))
        .isInstanceOf(StatusException.class).hasMessageContaining("not found");
  }

  @Test
  void sync_manualTokenSecret_filledThenDeletedWithItsServiceAccount() throws Exception {
    post("/api/v1/namespaces/default/serviceaccounts", "{\"metadata\":{\"name\":\"builder\"}}");
    post("/api/v1/namespaces/default/secrets", "{\"metadata\":{\"name\":\"t\",\"annotations\":"
        + "{\"kubernetes.io/service-account.name\":\"builder\"}},\"type\":"
        + "\"kubernetes.io/service-account-token\"}");
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    TokensController controller = new TokensController(rest.registry, rest.table,
        TokenGenerator.of(ServiceAccountNames.LEGACY_ISSUER,
            SigningKey.of(g.generateKeyPair().getPrivate())),
        "CA".getBytes(StandardCharsets.UTF_8));

    controller.sync();

    Unstructured secret = get("secrets", "default", "t");
    String uid = get("serviceaccounts", "default", "builder").uid();
    assertThat(secret.annotations()).containsEntry("kubernetes.io/service-account.uid", uid);
    assertThat(decode(secret, "namespace")).isEqualTo("default");
    assertThat(decode(secret, "ca.crt")).isEqualTo("CA");
    String payload = new String(Base64.getUrlDecoder().decode(decode(secret, "token")
        .split("\\.")[1]), StandardCharsets.UTF_8);
    assertThat(payload).isEqualTo("{\"iss\":\"kubernetes/serviceaccount\","
        + "\"kubernetes.io/serviceaccount/namespace\":\"default\","
        + "\"kubernetes.io/serviceaccount/secret.name\":\"t\","
        + "\"kubernetes.io/serviceaccount/service-account.name\":\"builder\","
        + "\"kubernetes.io/serviceaccount/service-account.uid\":\"" + uid + "\","
        + "\"sub\":\"system:serviceaccount:default:builder\"}");

    rest.send("DELETE", "/api/v1/namespaces/default/serviceaccounts/builder", "");
    controller.sync();

    assertThatThrownBy(() -> get("secrets", "default", "t")).isInstanceOf(StatusException.class);
  }

  @Test
  void sync_trackingConfigMap_createdWithToday() {
    new LegacyTokenTracking(rest.registry, rest.table,
        new FakeClock(Instant.parse("2025-03-04T23:59:00Z"))).sync();

    assertThat(get("configmaps", "kube-system",
        "kube-apiserver-legacy-service-account-token-tracking").get("data", "since"))
        .contains("2025-03-04");
  }

  private static String decode(Unstructured secret, String key) {
    return new String(Base64.getDecoder().decode((String) secret.get("data", key).orElseThrow()),
        StandardCharsets.UTF_8);
  }
}

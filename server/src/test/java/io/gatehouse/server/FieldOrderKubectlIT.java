package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The raw JSON kubectl 1.33 and 1.30 receive ({@code kubectl get --raw}) in kube-apiserver's key
 * order: a ConfigMap created from YAML (which kubectl sends with its keys sorted) comes back in Go
 * struct order with sorted maps, alone and inside its list.
 */
class FieldOrderKubectlIT {

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void getRaw_configMapCreatedFromYaml_structOrderSortedMaps(Kubectl k) {
    String ns = "order-" + k.tag();
    server.createAsAdmin(k, ns + ".yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "
        + ns + "\n");
    server.createAsAdmin(k, ns + "-cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c1
          namespace: %s
          labels: {zone: "1", app: "2"}
        data: {b: "1", a: "2"}
        immutable: true
        """.formatted(ns));
    String path = "/api/v1/namespaces/" + ns + "/configmaps";
    String object = "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"c1\","
        + "\"namespace\":\"" + ns + "\",\"uid\":\"UID\",\"resourceVersion\":\"RV\","
        + "\"creationTimestamp\":\"TIME\",\"labels\":{\"app\":\"2\",\"zone\":\"1\"},\"managedFields\":"
        + "[{\"manager\":\"kubectl-create\",\"operation\":\"Update\",\"apiVersion\":\"v1\","
        + "\"time\":\"TIME\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:data\":{\".\":{},"
        + "\"f:a\":{},\"f:b\":{}},\"f:immutable\":{},\"f:metadata\":{\"f:labels\":{\".\":{},"
        + "\"f:app\":{},\"f:zone\":{}}}}}]},\"immutable\":true,\"data\":{\"a\":\"2\",\"b\":\"1\"}}";

    Kubectl.Result one = server.admin(k, "get", "--raw", path + "/c1");
    Kubectl.Result list = server.admin(k, "get", "--raw", path + "?labelSelector=app%3D2");

    assertThat(normalized(one.stdout())).as(one.stderr()).isEqualTo(object + "\n");
    assertThat(normalized(list.stdout())).as(list.stderr()).isEqualTo("{\"kind\":"
        + "\"ConfigMapList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"RV\"},"
        + "\"items\":[" + object.replace("{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",", "{")
        + "]}\n");
  }

  private static String normalized(String body) {
    return body.replaceAll("\"uid\":\"[0-9a-f-]{36}\"", "\"uid\":\"UID\"")
        .replaceAll("\"resourceVersion\":\"\\d+\"", "\"resourceVersion\":\"RV\"")
        .replaceAll("\"(creationTimestamp|time)\":\"[0-9TZ:-]{20}\"", "\"$1\":\"TIME\"");
  }
}

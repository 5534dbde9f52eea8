package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole response bodies in kube-apiserver's key order, byte for byte (with the random uid and the
 * store-dependent resourceVersions replaced by {@code UID} and {@code RV}): built-in objects in Go
 * struct order with sorted maps, custom resources sorted everywhere, and the list, watch event and
 * Status objects around them.
 */
class FieldOrderResponsesTest {

  private static final String CMS = "/api/v1/namespaces/default/configmaps";
  private static final String PODS = "/api/v1/namespaces/default/pods";
  private static final String WIDGETS = "/apis/example.com/v1/namespaces/default/widgets";

  /** Sent with keys in the order kube-apiserver does not write them. */
  private static final String CONFIG_MAP = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
      + "\"binaryData\":{\"bin\":\"AQI=\"},\"data\":{\"z\":\"1\",\"a\":\"2\"},\"immutable\":true,"
      + "\"metadata\":{\"labels\":{\"b\":\"2\",\"a\":\"1\"},\"name\":\"cm1\"}}";
  private static final String CONFIG_MAP_OUT = "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\","
      + "\"metadata\":{\"name\":\"cm1\",\"namespace\":\"default\",\"uid\":\"UID\","
      + "\"resourceVersion\":\"RV\",\"creationTimestamp\":\"2025-01-01T00:00:00Z\",\"labels\":"
      + "{\"a\":\"1\",\"b\":\"2\"},\"managedFields\":[{\"manager\":\"unknown\",\"operation\":"
      + "\"Update\",\"apiVersion\":\"v1\",\"time\":\"2025-01-01T00:00:00Z\",\"fieldsType\":"
      + "\"FieldsV1\",\"fieldsV1\":{\"f:binaryData\":{\".\":{},\"f:bin\":{}},\"f:data\":{\".\":{},"
      + "\"f:a\":{},\"f:z\":{}},\"f:immutable\":{},\"f:metadata\":{\"f:labels\":{\".\":{},"
      + "\"f:a\":{},\"f:b\":{}}}}}]},\"immutable\":true,\"data\":{\"a\":\"2\",\"z\":\"1\"},"
      + "\"binaryData\":{\"bin\":\"AQI=\"}}\n";

  private final RestFixture api = new RestFixture();

  @Test
  void configMap_createAndGet_structOrderSortedMaps() {
    ApiResponse created = api.json("POST", CMS, CONFIG_MAP);
    ApiResponse got = api.json("GET", CMS + "/cm1", "");

    assertThat(created.status()).isEqualTo(201);
    assertThat(normalized(created)).isEqualTo(CONFIG_MAP_OUT);
    assertThat(normalized(got)).isEqualTo(CONFIG_MAP_OUT);
  }

  @Test
  void create_responseIsTheObjectAsGetServesIt_fromStoredBytesOrEncodedAgain() {
    // A ConfigMap is answered from its stored bytes, a Secret (defaulted) is encoded again.
    ApiResponse cm = api.json("POST", CMS, "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\","
        + "\"metadata\":{\"resourceVersion\":\"\",\"generateName\":\"g-\",\"labels\":{\"x\":\"<y>\"}},"
        + "\"data\":{\"k\":\"v\"}}");
    ApiResponse secret = api.json("POST", "/api/v1/namespaces/default/secrets",
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"}}");

    assertThat(cm.status()).isEqualTo(201);
    String name = cm.bodyText().replaceAll("(?s).*\"name\":\"(g-[a-z0-9]{5})\".*", "$1");
    assertThat(cm.bodyText()).isEqualTo(api.json("GET", CMS + "/" + name, "").bodyText())
        .contains("\"generateName\":\"g-\",\"namespace\":\"default\",\"uid\":");
    assertThat(secret.status()).isEqualTo(201);
    assertThat(secret.bodyText()).isEqualTo(
        api.json("GET", "/api/v1/namespaces/default/secrets/s", "").bodyText())
        .contains("\"type\":\"Opaque\"");
  }

  @Test
  void configMap_stored_inOrderWithoutResourceVersion() {
    api.json("POST", CMS, CONFIG_MAP);

    byte[] stored = api.store.get("/registry/configmaps/default/cm1").kv().orElseThrow().value();

    assertThat(normalized(new String(stored, StandardCharsets.UTF_8)))
        .isEqualTo(CONFIG_MAP_OUT.replace("\"resourceVersion\":\"RV\",", ""));
  }

  @Test
  void pod_createThenGet_nestedStructsListsAndMapsInOrder() {
    api.json("POST", PODS, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
        + "\"spec\":{\"nodeSelector\":{\"zone\":\"a\",\"disk\":\"ssd\"},\"containers\":[{"
        + "\"image\":\"nginx\",\"name\":\"c\",\"env\":[{\"value\":\"1\",\"name\":\"A\"}],"
        + "\"resources\":{\"limits\":{\"memory\":\"1Gi\",\"cpu\":\"1\"}},\"ports\":[{"
        + "\"containerPort\":80,\"name\":\"http\"}]}],\"volumes\":[{\"emptyDir\":{},"
        + "\"name\":\"v\"}]}}");

    String got = normalized(api.json("GET", PODS + "/p", ""));

    assertThat(withoutManagedFields(got)).isEqualTo("{\"kind\":\"Pod\",\"apiVersion\":\"v1\","
        + "\"metadata\":{\"name\":\"p\",\"namespace\":\"default\",\"uid\":\"UID\","
        + "\"resourceVersion\":\"RV\",\"generation\":1,\"creationTimestamp\":"
        + "\"2025-01-01T00:00:00Z\"},\"spec\":{\"volumes\":[{\"name\":\"v\",\"emptyDir\":{}}],"
        + "\"containers\":[{\"name\":\"c\",\"image\":\"nginx\",\"ports\":[{\"name\":\"http\","
        + "\"containerPort\":80,\"protocol\":\"TCP\"}],\"env\":[{\"name\":\"A\",\"value\":\"1\"}],"
        + "\"resources\":{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"},\"requests\":{\"cpu\":"
        + "\"1\",\"memory\":\"1Gi\"}},\"terminationMessagePath\":\"/dev/termination-log\","
        + "\"terminationMessagePolicy\":\"File\",\"imagePullPolicy\":\"Always\"}],"
        + "\"restartPolicy\":\"Always\",\"terminationGracePeriodSeconds\":30,\"dnsPolicy\":"
        + "\"ClusterFirst\",\"nodeSelector\":{\"disk\":\"ssd\",\"zone\":\"a\"},"
        + "\"securityContext\":{},\"schedulerName\":\"default-scheduler\","
        + "\"enableServiceLinks\":true},\"status\":{\"phase\":\"Pending\",\"qosClass\":"
        + "\"Guaranteed\"}}\n");
  }

  @Test
  void list_configMaps_kindApiVersionMetadataItemsWithoutTypeMeta() {
    api.json("POST", CMS, CONFIG_MAP);

    ApiResponse list = api.json("GET", CMS, "");

    assertThat(normalized(list)).isEqualTo("{\"kind\":\"ConfigMapList\",\"apiVersion\":\"v1\","
        + "\"metadata\":{\"resourceVersion\":\"RV\"},\"items\":["
        + CONFIG_MAP_OUT.strip().replace("{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",", "{")
        + "]}\n");
  }

  @Test
  void watch_configMapAdded_typeThenObjectInOrder() throws Exception {
    api.json("POST", CMS, CONFIG_MAP);

    List<String> events = RestFixture.stream(api.json("GET", CMS + "?watch=1&resourceVersion=1",
        ""), 1);

    assertThat(normalized(events.get(0) + "\n")).isEqualTo("{\"type\":\"ADDED\",\"object\":"
        + CONFIG_MAP_OUT.strip() + "}\n");
  }

  @Test
  void get_missing_statusInStructOrder() {
    ApiResponse missing = api.json("GET", CMS + "/nope", "");

    assertThat(missing.bodyText()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
        + "\"metadata\":{},\"status\":\"Failure\",\"message\":\"configmaps \\\"nope\\\" not found\","
        + "\"reason\":\"NotFound\",\"details\":{\"name\":\"nope\",\"kind\":\"configmaps\"},"
        + "\"code\":404}\n");
  }

  @Test
  void customResource_createListWatch_keysSortedEverywhere() throws Exception {
    CrdFixture f = new CrdFixture();
    f.create(TestCrds.namespaced("widgets", "Widget").version(TestCrds.Version.of("v1",
        "{type: object, x-kubernetes-preserve-unknown-fields: true}")).build());
    String widget = "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{"
        + "\"name\":\"w1\",\"labels\":{\"b\":\"x\",\"a\":\"y\"}},\"spec\":{\"size\":2,\"b\":[{"
        + "\"z\":1,\"y\":2}],\"a\":1}}";
    String out = "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{"
        + "\"creationTimestamp\":\"2025-01-01T00:00:00Z\",\"generation\":1,\"labels\":{\"a\":\"y\","
        + "\"b\":\"x\"},\"managedFields\":[{\"apiVersion\":\"example.com/v1\",\"fieldsType\":"
        + "\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:a\":{},\"f:b\":{}}},"
        + "\"f:spec\":{\".\":{},\"f:a\":{},\"f:b\":{},\"f:size\":{}}},\"manager\":\"unknown\","
        + "\"operation\":\"Update\",\"time\":\"2025-01-01T00:00:00Z\"}],\"name\":\"w1\","
        + "\"namespace\":\"default\",\"resourceVersion\":\"RV\",\"uid\":\"UID\"},\"spec\":{"
        + "\"a\":1,\"b\":[{\"y\":2,\"z\":1}],\"size\":2}}";

    ApiResponse created = f.api.json("POST", WIDGETS, widget);
    ApiResponse list = f.api.json("GET", WIDGETS, "");
    List<String> events = RestFixture.stream(f.api.json("GET", WIDGETS
        + "?watch=1&resourceVersion=1", ""), 1);

    assertThat(normalized(created)).isEqualTo(out + "\n");
    assertThat(normalized(list)).isEqualTo("{\"apiVersion\":\"example.com/v1\",\"items\":[" + out
        + "],\"kind\":\"WidgetList\",\"metadata\":{\"continue\":\"\",\"resourceVersion\":\"RV\"}}\n");
    assertThat(normalized(events.get(0))).isEqualTo("{\"type\":\"ADDED\",\"object\":" + out + "}");
  }

  @Test
  void customResourceTable_rowMetadata_objectMetaOrderNotSorted() {
    CrdFixture f = new CrdFixture();
    f.create(TestCrds.namespaced("widgets", "Widget").version(TestCrds.Version.of("v1",
        "{type: object, x-kubernetes-preserve-unknown-fields: true}")).build());
    f.api.json("POST", WIDGETS, "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\","
        + "\"metadata\":{\"name\":\"w1\",\"labels\":{\"b\":\"x\",\"a\":\"y\"}}}");

    ApiResponse table = f.api.send("GET", WIDGETS + "/w1", "", "Accept",
        "application/json;as=Table;v=v1;g=meta.k8s.io");

    assertThat(normalized(table)).contains("\"object\":{\"kind\":\"PartialObjectMetadata\","
        + "\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{\"name\":\"w1\",\"namespace\":"
        + "\"default\",\"uid\":\"UID\",\"resourceVersion\":\"RV\",\"generation\":1,"
        + "\"creationTimestamp\":\"2025-01-01T00:00:00Z\",\"labels\":{\"a\":\"y\",\"b\":"
        + "\"x\"},\"managedFields\":[{\"manager\":\"unknown\",\"operation\":\"Update\","
        + "\"apiVersion\":\"example.com/v1\",\"time\":\"2025-01-01T00:00:00Z\","
        + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:labels\":{\".\":{},"
        + "\"f:a\":{},\"f:b\":{}}}}}]}}");
  }

  private static String normalized(ApiResponse r) {
    return normalized(r.bodyText());
  }

  private static String normalized(String body) {
    return body.replaceAll("\"uid\":\"[0-9a-f-]{36}\"", "\"uid\":\"UID\"")
        .replaceAll("\"resourceVersion\":\"\\d+\"", "\"resourceVersion\":\"RV\"");
  }

  private static String withoutManagedFields(String body) {
    return body.replaceAll(",\"managedFields\":\\[.*?\\}\\}\\]", "");
  }
}

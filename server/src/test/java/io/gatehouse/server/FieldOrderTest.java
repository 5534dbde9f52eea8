package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.server.openapi.Definitions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldOrderTest {

  private static final FieldOrder ORDER = FieldOrder.kubernetes133();
  private static final FieldOrderTable TABLE = FieldOrderTable.load();

  /** A type's fields as upstream declares them (read from the Go sources, see design notes). */
  private record Declared(String type, List<String> fields) {
    @Override
    public String toString() {
      return type.substring(type.lastIndexOf('.') + 1);
    }
  }

  private static Stream<Declared> declared() {
    String meta = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    return Stream.of(
        new Declared(meta + "ObjectMeta", List.of("name", "generateName", "namespace", "selfLink",
            "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
            "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences",
            "finalizers", "managedFields")),
        new Declared(meta + "ListMeta", List.of("selfLink", "resourceVersion", "continue",
            "remainingItemCount")),
        new Declared(meta + "Status", List.of("kind", "apiVersion", "metadata", "status",
            "message", "reason", "details", "code")),
        new Declared(meta + "StatusDetails", List.of("name", "group", "kind", "uid", "causes",
            "retryAfterSeconds")),
        new Declared(meta + "StatusCause", List.of("reason", "message", "field")),
        new Declared(meta + "OwnerReference", List.of("apiVersion", "kind", "name", "uid",
            "controller", "blockOwnerDeletion")),
        new Declared(meta + "WatchEvent", List.of("type", "object")),
        new Declared("io.k8s.api.core.v1.ConfigMap", List.of("kind", "apiVersion", "metadata",
            "immutable", "data", "binaryData")),
        new Declared("io.k8s.api.core.v1.Event", List.of("kind", "apiVersion", "metadata",
            "involvedObject", "reason", "message", "source", "firstTimestamp", "lastTimestamp",
            "count", "type", "eventTime", "series", "action", "related", "reportingComponent",
            "reportingInstance")),
        new Declared("io.k8s.api.core.v1.HTTPGetAction", List.of("path", "port", "host",
            "scheme", "httpHeaders")),
        new Declared("io.k8s.api.core.v1.EndpointPort", List.of("name", "port", "protocol",
            "appProtocol")),
        new Declared("io.k8s.api.core.v1.Probe", List.of("exec", "httpGet", "tcpSocket", "grpc",
            "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold",
            "failureThreshold", "terminationGracePeriodSeconds")),
        new Declared("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceSpec",
            List.of("service", "group", "version", "insecureSkipTLSVerify", "caBundle",
                "groupPriorityMinimum", "versionPriority")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("declared")
  void table_upstreamType_hasGoDeclarationOrder(Declared c) {
    StructOrder t = TABLE.type(c.type());
    assertThat(t).isNotNull();
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      fields.add(t.field(i));
    }
    assertThat(fields).isEqualTo(c.fields());
  }

  @Test
  void table_everyBuiltinResourceKind_known() {
    List<String> unknown = new ArrayList<>();
    ResourceCatalog catalog = ResourceCatalog.builtin();
    catalog.groupVersions().forEach(gv -> {
      for (ApiResource r : catalog.resources(gv)) {
        if (!ORDER.builtin(r.kind().apiVersion(), r.kind().kind())) {
          unknown.add(r.kind().apiVersion() + "/" + r.kind().kind());
        }
      }
    });
    assertThat(unknown).isEmpty();
  }

  @Test
  void table_definitionsReachableFromTheCatalog_everyPropertyPlaced() {
    Definitions defs = Definitions.builtin();
    List<String> roots = new ArrayList<>();
    ResourceCatalog catalog = ResourceCatalog.builtin();
    catalog.groupVersions().forEach(gv -> catalog.resources(gv).forEach(r ->
        defs.nameOf(r.kind()).ifPresent(roots::add)));
    List<String> problems = new ArrayList<>();

    defs.closure(roots).forEach((name, schema) -> {
      if (!(schema.get("properties") instanceof Map<?, ?> props)) {
        return;
      }
      StructOrder t = TABLE.type(name);
      if (t == null) {
        problems.add(name + ": missing");
        return;
      }
      Set<String> placed = new HashSet<>();
      for (int i = 0; i < t.size(); i++) {
        placed.add(t.field(i));
      }
      if (!placed.equals(props.keySet())) {
        problems.add(name + ": " + placed + " vs " + props.keySet());
      }
    });

    assertThat(roots).hasSizeGreaterThan(50);
    assertThat(problems).isEmpty();
  }

  @Test
  void order_configMapInClientOrder_structOrderMapsSorted() {
    Unstructured cm = Unstructured.copyOf(map(
        "data", map("z", "1", "a", "2"),
        "apiVersion", "v1",
        "metadata", map("uid", "u", "labels", map("b", "2", "a", "1"), "name", "x",
            "namespace", "ns"),
        "kind", "ConfigMap",
        "immutable", true));

    ORDER.order(cm);

    assertThat(json(cm.object())).isEqualTo("{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\","
        + "\"metadata\":{\"name\":\"x\",\"namespace\":\"ns\",\"uid\":\"u\",\"labels\":{\"a\":\"1\","
        + "\"b\":\"2\"}},\"immutable\":true,\"data\":{\"a\":\"2\",\"z\":\"1\"}}\n");
  }

  @Test
  void order_podNestedStructsListsAndMaps_eachInItsTypesOrder() {
    Unstructured pod = Unstructured.copyOf(map(
        "status", map("qosClass", "Burstable", "phase", "Pending"),
        "spec", map(
            "nodeSelector", map("zone", "a", "disk", "ssd"),
            "volumes", List.of(map("configMap", map("name", "cm"), "name", "v")),
            "containers", List.of(map(
                "resources", map("requests", map("memory", "1Gi", "cpu", "1")),
                "env", List.of(map("value", "1", "name", "A")),
                "image", "nginx",
                "readinessProbe", map("periodSeconds", 5L, "httpGet", map("port", 80L,
                    "path", "/")),
                "name", "c"))),
        "metadata", map("name", "p"),
        "kind", "Pod",
        "apiVersion", "v1"));

    ORDER.order(pod);

    assertThat(json(pod.object())).isEqualTo("{\"kind\":\"Pod\",\"apiVersion\":\"v1\","
        + "\"metadata\":{\"name\":\"p\"},\"spec\":{\"volumes\":[{\"name\":\"v\",\"configMap\":"
        + "{\"name\":\"cm\"}}],\"containers\":[{\"name\":\"c\",\"image\":\"nginx\",\"env\":"
        + "[{\"name\":\"A\",\"value\":\"1\"}],\"resources\":{\"requests\":{\"cpu\":\"1\","
        + "\"memory\":\"1Gi\"}},\"readinessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":80},"
        + "\"periodSeconds\":5}}],\"nodeSelector\":{\"disk\":\"ssd\",\"zone\":\"a\"}},"
        + "\"status\":{\"phase\":\"Pending\",\"qosClass\":\"Burstable\"}}\n");
  }

  @Test
  void order_customResource_keysSortedAtEveryLevel() {
    Unstructured cr = Unstructured.copyOf(map(
        "spec", map("z", List.of(map("b", 1L, "a", 2L)), "a", map("y", "1", "x", "2")),
        "metadata", map("uid", "u", "name", "w", "generation", 1L),
        "kind", "Widget",
        "apiVersion", "example.com/v1"));

    ORDER.order(cr);

    assertThat(json(cr.object())).isEqualTo("{\"apiVersion\":\"example.com/v1\",\"kind\":"
        + "\"Widget\",\"metadata\":{\"generation\":1,\"name\":\"w\",\"uid\":\"u\"},\"spec\":{\"a\":"
        + "{\"x\":\"2\",\"y\":\"1\"},\"z\":[{\"a\":2,\"b\":1}]}}\n");
  }

  @Test
  void order_fieldsTheTypeLacks_afterDeclaredOnesSorted() {
    Unstructured cm = Unstructured.copyOf(map("zeta", 1L, "kind", "ConfigMap", "alpha", 2L,
        "apiVersion", "v1", "data", map()));

    ORDER.order(cm);

    assertThat(cm.object().keySet()).containsExactly("kind", "apiVersion", "data", "alpha",
        "zeta");
  }

  @Test
  void order_immutableChildren_replacedByOrderedCopies() {
    Map<String, @Nullable Object> top = new LinkedHashMap<>();
    top.put("apiVersion", "v1");
    top.put("kind", "ConfigMap");
    top.put("metadata", Map.of("namespace", "ns", "name", "x"));
    top.put("data", Map.of("b", "1", "a", "2"));
    Unstructured cm = Unstructured.wrap(top);

    ORDER.order(cm);

    assertThat(json(top)).isEqualTo("{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":"
        + "{\"name\":\"x\",\"namespace\":\"ns\"},\"data\":{\"a\":\"2\",\"b\":\"1\"}}\n");
  }

  @Test
  void order_alreadyOrdered_keepsEveryMapInstance() {
    Unstructured cm = Unstructured.copyOf(map("kind", "ConfigMap", "apiVersion", "v1",
        "metadata", map("name", "x", "labels", map("a", "1")), "data", map("k", "v")));
    Object metadata = cm.object().get("metadata");
    Object labels = cm.metadata().get("labels");

    ORDER.order(cm);

    assertThat(cm.object().get("metadata")).isSameAs(metadata);
    assertThat(cm.metadata().get("labels")).isSameAs(labels);
  }

  private record Rv(String name, Map<String, Object> object, List<String> metadataKeys) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<Rv> resourceVersions() {
    return Stream.of(
        new Rv("builtin", map("apiVersion", "v1", "kind", "ConfigMap", "metadata", map("name",
            "x", "uid", "u", "creationTimestamp", "t", "managedFields", List.of())),
            List.of("name", "uid", "resourceVersion", "creationTimestamp", "managedFields")),
        new Rv("custom", map("apiVersion", "example.com/v1", "kind", "Widget", "metadata",
            map("creationTimestamp", "t", "name", "x", "uid", "u")),
            List.of("creationTimestamp", "name", "resourceVersion", "uid")),
        new Rv("present", map("apiVersion", "v1", "kind", "ConfigMap", "metadata", map(
            "resourceVersion", "1", "name", "x")), List.of("resourceVersion", "name")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resourceVersions")
  void putResourceVersion_object_landsWhereGoWritesIt(Rv c) {
    Unstructured u = Unstructured.copyOf(c.object());

    ORDER.putResourceVersion(u, "42");

    assertThat(u.metadata().keySet()).containsExactlyElementsOf(c.metadataKeys());
    assertThat(u.metadata().get("resourceVersion")).isEqualTo("42");
  }

  @Test
  void copyAsObjectMeta_sortedCustomMetadata_structOrderWithoutChangingTheInput() {
    Map<String, Object> sorted = map("creationTimestamp", "t", "labels", map("a", "1"),
        "managedFields", List.of(map("apiVersion", "v", "manager", "m")), "name", "x");
    String before = json(sorted);

    Map<String, @Nullable Object> meta = ORDER.copyAsObjectMeta(sorted);

    assertThat(json(meta)).isEqualTo("{\"name\":\"x\",\"creationTimestamp\":\"t\",\"labels\":"
        + "{\"a\":\"1\"},\"managedFields\":[{\"manager\":\"m\",\"apiVersion\":\"v\"}]}\n");
    assertThat(json(sorted)).isEqualTo(before);
  }

  private record Keys(String name, String a, String b, int sign) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<Keys> keys() {
    return Stream.of(
        new Keys("ascii", "a", "b", -1),
        new Keys("prefix", "a", "ab", -1),
        new Keys("upperBeforeLower", "Z", "a", -1),
        new Keys("equal", "x", "x", 0),
        // UTF-8 order: U+E000 (EE 80 80) before U+1F600 (F0 9F 98 80); UTF-16 has it reversed
        new Keys("privateUseBeforeEmoji", "\ue000", "\ud83d\ude00", -1),
        new Keys("emojiAfterPrivateUse", "\ud83d\ude00", "\uffff", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void compareKeys_pair_goStringsCompareOrder(Keys c) {
    assertThat(Integer.signum(FieldOrder.compareKeys(c.a(), c.b()))).isEqualTo(c.sign());
  }

  private static String json(Object tree) {
    return new String(GoJson.encode(tree), StandardCharsets.UTF_8);
  }

  /** A mutable map of alternating keys and values, in that order. */
  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}

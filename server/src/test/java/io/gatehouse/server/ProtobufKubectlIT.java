package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code kubectl create} subcommand of kubectl 1.33, which sends its objects as protobuf,
 * against {@code gatehouse server}: the stored object ({@code get -o json}) has the expected
 * fields and, when kubectl 1.30 (which sends JSON) is installed, equals the one kubectl 1.30
 * creates with the same command, server-set fields aside. Also the requests kubectl 1.33 sends as
 * protobuf besides creates ({@code create token}, {@code auth whoami}, {@code auth can-i} with and
 * without {@code --list}), which must be answered, and garbage protobuf sent over HTTPS, which
 * must get upstream's 400 Status.
 */
class ProtobufKubectlIT {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_LONG_FOR_INTS).build();
  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static Kubectl k133;
  private static Optional<Kubectl> k130;

  @BeforeAll
  static void namespaces() throws Exception {
    k133 = Kubectl.version("1.33").orElseGet(() -> {
      Assumptions.abort("kubectl.1.33 (the protobuf sender compared with 1.30's JSON) is not "
          + "installed beside the dispatcher");
      return null;
    });
    k130 = Kubectl.version("1.30");
    Files.write(server.dir().resolve("blob.bin"), new byte[] {0, 1, 2, (byte) 0xff});
    for (Kubectl k : kubectls()) {
      Kubectl.Result r = server.admin(k, "create", "namespace", "pb-" + tag(k));
      assertThat(r.exitCode()).as(r.stderr()).isZero();
    }
  }

  private static List<Kubectl> kubectls() {
    List<Kubectl> out = new ArrayList<>(List.of(k133));
    k130.ifPresent(out::add);
    return out;
  }

  private static String tag(Kubectl k) {
    return "v" + k.tag();
  }

  /**
   * One subcommand: commands run first (setup), the create command, the object to read back and
   * what it must contain (JSON pointer to JSON value). {@code V} in arguments and names becomes
   * the kubectl version tag ({@code v133}), {@code NS} the namespace.
   */
  private record Case(String name, List<List<String>> setup, List<String> create,
      String resource, String object, Map<String, String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case of(String name, String create, String resource, String object,
      Map<String, String> expected) {
    return new Case(name, List.of(), List.of(create.split(" ")), resource, object, expected);
  }

  static Stream<Case> creates() {
    String cert = "--cert=DATA/pki/admin.crt";
    String key = "--key=DATA/pki/admin.key";
    return Stream.of(
        of("namespace", "create namespace pb-x-V", "namespace", "pb-x-V",
            Map.of("/metadata/labels/kubernetes.io~1metadata.name", "\"pb-x-V\"")),
        of("configmap", "create configmap cm --from-literal=a=b --from-literal=c=d",
            "configmap", "cm", Map.of("/data", "{\"a\":\"b\",\"c\":\"d\"}")),
        of("configmap binary", "create configmap bin --from-file=b=DIR/blob.bin", "configmap",
            "bin", Map.of("/binaryData/b", "\"AAEC/w==\"")),
        of("secret generic", "create secret generic s1 --type=Opaque --from-literal=user=admin "
            + "--from-literal=empty=", "secret", "s1",
            Map.of("/data", "{\"empty\":\"\",\"user\":\"YWRtaW4=\"}", "/type", "\"Opaque\"")),
        of("secret docker-registry", "create secret docker-registry s2 --docker-username=u "
            + "--docker-password=p --docker-server=r.example.com", "secret", "s2",
            Map.of("/type", "\"kubernetes.io/dockerconfigjson\"")),
        of("secret tls", "create secret tls s3 " + cert + " " + key, "secret", "s3",
            Map.of("/type", "\"kubernetes.io/tls\"")),
        of("serviceaccount", "create serviceaccount sa1", "serviceaccount", "sa1",
            Map.of("/metadata/name", "\"sa1\"")),
        of("deployment", "create deployment d1 --image=nginx --replicas=2 --port=80",
            "deployment", "d1", Map.of("/spec/replicas", "2",
                "/spec/selector/matchLabels", "{\"app\":\"d1\"}",
                "/spec/template/spec/containers/0/ports/0/containerPort", "80")),
        of("deployment zero replicas", "create deployment d0 --image=nginx --replicas=0",
            "deployment", "d0", Map.of("/spec/replicas", "0")),
        new Case("job", List.of(), List.of("create", "job", "j1", "--image=busybox", "--",
            "echo", "hi"), "job", "j1", Map.of("/spec/template/spec/containers/0/command",
                "[\"echo\",\"hi\"]", "/spec/template/spec/restartPolicy", "\"Never\"")),
        new Case("cronjob", List.of(), List.of("create", "cronjob", "cj1", "--image=busybox",
            "--schedule=*/5 * * * *", "--", "date"), "cronjob", "cj1",
            Map.of("/spec/schedule", "\"*/5 * * * *\"")),
        new Case("job from cronjob", List.of(List.of("create", "cronjob", "cj2",
            "--image=busybox", "--schedule=0 * * * *")),
            List.of("create", "job", "j2", "--from=cronjob/cj2"), "job", "j2",
            Map.of("/metadata/annotations/cronjob.kubernetes.io~1instantiate", "\"manual\"",
                "/metadata/ownerReferences/0/kind", "\"CronJob\"")),
        of("role", "create role r1 --verb=get,list --resource=pods,deployments.apps "
            + "--resource-name=x", "role", "r1", Map.of("/rules/1/apiGroups", "[\"apps\"]",
                "/rules/1/resourceNames", "[\"x\"]")),
        of("rolebinding", "create rolebinding rb1 --role=r1 --user=jane --group=g "
            + "--serviceaccount=NS:sa1", "rolebinding", "rb1",
            Map.of("/roleRef", "{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"Role\","
                + "\"name\":\"r1\"}", "/subjects/2/namespace", "\"NS\"")),
        of("clusterrole", "create clusterrole pb-cr-V --verb=get,list --resource=nodes",
            "clusterrole", "pb-cr-V", Map.of("/rules/0/resources", "[\"nodes\"]")),
        of("clusterrole non-resource", "create clusterrole pb-nr-V --verb=get "
            + "--non-resource-url=/logs/*", "clusterrole", "pb-nr-V",
            Map.of("/rules/0/nonResourceURLs", "[\"/logs/*\"]")),
        of("clusterrole aggregation", "create clusterrole pb-ag-V --aggregation-rule=a=b",
            "clusterrole", "pb-ag-V",
            Map.of("/aggregationRule/clusterRoleSelectors/0/matchLabels", "{\"a\":\"b\"}")),
        of("clusterrolebinding", "create clusterrolebinding pb-crb-V --clusterrole=view "
            + "--user=jane", "clusterrolebinding", "pb-crb-V",
            Map.of("/subjects/0/name", "\"jane\"", "/roleRef/name", "\"view\"")),
        of("service clusterip", "create service clusterip svc1 --tcp=80:8080", "service", "svc1",
            Map.of("/spec/ports/0/targetPort", "8080", "/spec/type", "\"ClusterIP\"")),
        of("service headless", "create service clusterip svc2 --clusterip=None", "service",
            "svc2", Map.of("/spec/clusterIP", "\"None\"")),
        of("service nodeport", "create service nodeport svc3 --tcp=80:http --node-port=NODEPORT",
            "service", "svc3", Map.of("/spec/ports/0/nodePort", "NODEPORT",
                "/spec/ports/0/targetPort", "\"http\"")),
        of("service loadbalancer", "create service loadbalancer svc4 --tcp=443:8443",
            "service", "svc4", Map.of("/spec/type", "\"LoadBalancer\"")),
        of("service externalname", "create service externalname svc5 "
            + "--external-name=example.com", "service", "svc5",
            Map.of("/spec/externalName", "\"example.com\"")),
        of("ingress", "create ingress ing1 --class=nginx --rule=foo.com/bar*=svc1:80,tls=cert "
            + "--annotation=a=b", "ingress", "ing1", Map.of("/spec/ingressClassName", "\"nginx\"",
                "/spec/tls/0/secretName", "\"cert\"",
                "/spec/rules/0/http/paths/0/pathType", "\"Prefix\"",
                "/spec/rules/0/http/paths/0/backend/service/port/number", "80")),
        of("poddisruptionbudget percent", "create poddisruptionbudget pdb1 --selector=app=x "
            + "--min-available=50%", "poddisruptionbudget", "pdb1",
            Map.of("/spec/minAvailable", "\"50%\"")),
        of("poddisruptionbudget count", "create poddisruptionbudget pdb2 --selector=app=y "
            + "--max-unavailable=1", "poddisruptionbudget", "pdb2",
            Map.of("/spec/maxUnavailable", "1")),
        of("priorityclass", "create priorityclass pb-pc-V --value=100 --description=d "
            + "--preemption-policy=Never", "priorityclass", "pb-pc-V",
            Map.of("/value", "100", "/preemptionPolicy", "\"Never\"")),
        of("quota", "create quota q1 --hard=cpu=1000m,memory=1Gi,pods=2,"
            + "count/deployments.apps=3", "resourcequota", "q1",
            Map.of("/spec/hard", "{\"count/deployments.apps\":\"3\",\"cpu\":\"1\","
                + "\"memory\":\"1Gi\",\"pods\":\"2\"}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void create_eachSubcommand_storesTheObjectKubectlBuilt(Case c) throws Exception {
    JsonNode viaProtobuf = createAndGet(k133, c);

    for (Map.Entry<String, String> e : c.expected().entrySet()) {
      assertThat(viaProtobuf.at(e.getKey())).as(e.getKey())
          .isEqualTo(JSON.readTree(substitute(e.getValue(), k133)));
    }
    if (k130.isPresent()) {
      JsonNode viaJson = createAndGet(k130.get(), c);
      assertThat(normalized(viaProtobuf, k133)).isEqualTo(normalized(viaJson, k130.get()));
    }
  }

  private static JsonNode createAndGet(Kubectl k, Case c) throws Exception {
    String ns = "pb-" + tag(k);
    for (List<String> setup : c.setup()) {
      Kubectl.Result r = server.admin(k, args(k, ns, setup));
      assertThat(r.exitCode()).as(r.stderr()).isZero();
    }
    Kubectl.Result created = server.admin(k, args(k, ns, c.create()));
    assertThat(created.exitCode()).as(k + ": " + created.stderr()).isZero();
    assertThat(created.stdout()).contains(" created");
    Kubectl.Result got = server.admin(k, "-n", ns, "get", c.resource(), substitute(c.object(), k),
        "-o", "json");
    assertThat(got.exitCode()).as(got.stderr()).isZero();
    return JSON.readTree(got.stdout());
  }

  private static String[] args(Kubectl k, String ns, List<String> args) {
    List<String> out = new ArrayList<>(List.of("-n", ns));
    args.forEach(a -> out.add(substitute(a, k)));
    return out.toArray(String[]::new);
  }

  private static String substitute(String s, Kubectl k) {
    return s.replace("DATA/", server.dataDir() + "/").replace("DIR/", server.dir() + "/")
        .replace("NS", "pb-" + tag(k)).replace("-V", "-" + tag(k))
        .replace("NODEPORT", "30" + tag(k).substring(1));
  }

  /**
   * The object without what the server sets, with the version tag replaced and its uid (which a
   * Job's generated selector and labels repeat) replaced by {@code UID}.
   */
  private static JsonNode normalized(JsonNode object, Kubectl k) throws Exception {
    ObjectNode copy = object.deepCopy();
    ObjectNode meta = (ObjectNode) copy.get("metadata");
    String uid = meta.path("uid").asText();
    meta.remove(List.of("uid", "resourceVersion", "creationTimestamp", "generation",
        "managedFields", "namespace"));
    if (meta.get("ownerReferences") instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
      a.forEach(ref -> ((ObjectNode) ref).remove("uid"));
    }
    // Cluster IPs and node ports are allocated cluster-wide: each kubectl's Service gets its own.
    if (copy.get("spec") instanceof ObjectNode spec && copy.path("kind").asText().equals("Service")) {
      spec.remove(List.of("clusterIP", "clusterIPs", "healthCheckNodePort"));
      spec.path("ports").forEach(p -> ((ObjectNode) p).remove("nodePort"));
    }
    String json = JSON.writeValueAsString(copy);
    if (!uid.isEmpty()) {
      json = json.replace(uid, "UID");
    }
    return JSON.readTree(json.replace(tag(k), "V"));
  }

  /**
   * A command kubectl 1.33 sends as a protobuf POST to {@code path} (under the server's URL,
   * {@code NS} the namespace) and what its output contains.
   */
  private record Review(String name, List<String> args, String path, String output) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Review> reviews() {
    return Stream.of(
        new Review("create token", List.of("create", "token", "default"),
            "/api/v1/namespaces/NS/serviceaccounts/default/token", "eyJ"),
        new Review("auth whoami", List.of("auth", "whoami"),
            "/apis/authentication.k8s.io/v1/selfsubjectreviews", "kubernetes-admin"),
        new Review("auth can-i", List.of("auth", "can-i", "get", "pods"),
            "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", "yes"),
        new Review("auth can-i --list", List.of("auth", "can-i", "--list"),
            "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", "*.*"));
  }

  /**
   * The request went out as protobuf (kubectl's {@code -v=8} request log shows its headers) and
   * the server answered it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("reviews")
  void review_protobufRequest_isAnswered(Review c) {
    String ns = "pb-" + tag(k133);
    Kubectl.Result r = server.admin(k133, Stream.concat(Stream.of("-v=8", "-n", ns),
        c.args().stream()).toArray(String[]::new));

    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains(c.output());
    String url = server.url() + c.path().replace("NS", ns);
    assertThat(r.stderr()).containsPattern(Pattern.compile("verb=\"POST\" url=\""
        + Pattern.quote(url) + "\" headers=<\n(\t[^\n]*\n)*?\tContent-Type: "
        + Pattern.quote(PROTOBUF) + "\n"));
  }

  private record Garbage(String name, String method, String path, byte[] body, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Garbage> garbage() {
    String cms = "/api/v1/namespaces/default/configmaps";
    byte[] truncated = {0x6b, 0x38, 0x73, 0x00, 0x12, 0x09, 0x0a};
    return Stream.of(
        new Garbage("no prefix", "POST", cms, new byte[] {1, 2, 3},
            "the object provided is unrecognized (must be of type ConfigMap): provided data does "
                + "not appear to be a protobuf message, expected prefix [107 56 115 0] (010203)"),
        new Garbage("truncated", "POST", cms, truncated,
            "the object provided is unrecognized (must be of type ConfigMap): unexpected EOF "
                + "(6b38730012090a)"),
        new Garbage("truncated update", "PUT", cms + "/x", truncated,
            "the object provided is unrecognized (must be of type ConfigMap): unexpected EOF "
                + "(6b38730012090a)"),
        new Garbage("garbage DeleteOptions", "DELETE", cms + "/x", new byte[] {0x6b, 0x38, 0x73},
            "provided data does not appear to be a protobuf message, expected prefix "
                + "[107 56 115 0]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void rawHttps_garbageProtobuf_400Status(Garbage g) throws Exception {
    try (HttpClient client = server.adminHttp().build()) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url()
          + g.path())).method(g.method(), HttpRequest.BodyPublishers.ofByteArray(g.body()))
          .header("Content-Type", PROTOBUF).header("Accept", PROTOBUF + ",application/json")
          .build(), HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
      JsonNode status = JSON.readTree(r.body());
      assertThat(status.get("reason").asText()).isEqualTo("BadRequest");
      assertThat(status.get("message").asText()).isEqualTo(g.message());
    }
  }
}

package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code gatehouse auth can-i} and {@code who-can} over a realistic RBAC set (default chain). */
class AuthCommandTest {

  static final String CLUSTER = "src/test/resources/io/gatehouse/cli/auth/cluster.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Gatehouse.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private record Case(String name, List<String> args, String output, int code) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case canI(String name, String args, String output) {
    List<String> all = new ArrayList<>(List.of("auth", "can-i"));
    all.addAll(List.of(args.split(" ")));
    all.addAll(List.of("--cluster", CLUSTER));
    return new Case(name, all, output, output.startsWith("yes") ? 0 : 1);
  }

  static Stream<Case> canICases() {
    String sa = "system:serviceaccount:";
    return Stream.of(
        canI("edit via RoleBinding", "create deployments.apps -n team-a --as alice", "yes"),
        canI("edit is namespaced", "create deployments.apps -n team-b --as alice", "no"),
        canI("edit has no RBAC writes", "create rolebindings -n team-a --as alice", "no"),
        canI("group of a RoleBinding", "delete pods -n team-a --as bob --as-group team-a-devs", "yes"),
        canI("TYPE/NAME form", "get configmaps/app-config -n team-a --as " + sa + "team-a:builder", "yes"),
        canI("resourceNames: named", "get configmaps app-config -n team-a --as " + sa + "team-a:builder", "yes"),
        canI("resourceNames: other name", "get configmaps other -n team-a --as " + sa + "team-a:builder", "no"),
        canI("resourceNames: list", "list configmaps -n team-a --as " + sa + "team-a:builder", "no"),
        canI("aggregated ClusterRole, subresource", "get pods --subresource log -n x --as bob --as-group sre", "yes"),
        canI("pods does not cover pods/exec", "create pods --subresource exec -n x --as bob --as-group sre", "no"),
        canI("non-resource wildcard", "get /metrics/cadvisor --as bob --as-group sre", "yes"),
        canI("non-resource exact", "get /metrics --as bob --as-group sre", "yes"),
        canI("non-resource no prefix match", "get /metricsz --as bob --as-group sre", "no"),
        canI("*/scale", "update deployments.apps --subresource scale -n x --as autoscaler-bot", "yes"),
        canI("*/scale is not the resource", "update deployments.apps -n x --as autoscaler-bot", "no"),
        canI("ServiceAccount in a ClusterRoleBinding", "list pods --as " + sa + "monitoring:prometheus", "yes"),
        canI("CRD subresource", "update widgets.example.com --subresource status -n team-b --as carol --as-group widget-team", "yes"),
        canI("CRD short form in another namespace", "update widget --subresource status -n team-a --as carol --as-group widget-team", "no"),
        canI("superuser", "delete nodes --as root --as-group system:masters", "yes"),
        canI("bootstrap discovery", "get /apis/apps --as anyone", "yes"),
        canI("anonymous public info", "get /healthz --as system:anonymous", "yes"),
        canI("anonymous no discovery", "get /api --as system:anonymous", "no"),
        canI("missing role is a reason", "get pods -n team-a --as mallory",
            "no - RBAC: role.rbac.authorization.k8s.io \"does-not-exist\" not found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("canICases")
  void canI_realisticRbac_answersAsTheApiServer(Case c) {
    Run r = run(c.args().toArray(String[]::new));
    assertThat(r.out()).isEqualTo(c.output() + "\n");
    assertThat(r.code()).isEqualTo(c.code());
  }

  @Test
  void canI_json_namesTheDecidingAuthorizerAndTheBinding() throws Exception {
    Run r = run("auth", "can-i", "get", "pods", "--subresource", "log", "-n", "x", "--as", "bob",
        "--as-group", "sre", "--cluster", CLUSTER, "-o", "json");
    JsonNode j = r.json();
    assertThat(j.get("allowed").asBoolean()).isTrue();
    assertThat(j.get("reason").asText()).isEqualTo(
        "RBAC: allowed by ClusterRoleBinding \"monitoring\" of ClusterRole \"monitoring\" to Group \"sre\"");
    assertThat(j.get("decidedBy").toString()).isEqualTo("{\"type\":\"RBAC\",\"name\":\"rbac\"}");
    assertThat(j.at("/user/groups").toString()).isEqualTo("[\"sre\",\"system:authenticated\"]");
    assertThat(j.at("/request/resourceAttributes").toString()).isEqualTo("{\"namespace\":\"x\","
        + "\"verb\":\"get\",\"version\":\"v1\",\"resource\":\"pods\",\"subresource\":\"log\"}");
    assertThat(j.at("/authorizers/0/explanation").asText()).isEqualTo("the user is not in group system:masters");
  }

  @Test
  void canI_serviceAccountWithoutGroups_getsItsServiceAccountGroups() throws Exception {
    Run r = run("auth", "can-i", "get", "/openid/v1/jwks", "--as", "system:serviceaccount:ci:bot",
        "--cluster", CLUSTER, "-o", "json");
    assertThat(r.json().at("/user/groups").toString()).isEqualTo(
        "[\"system:serviceaccounts\",\"system:serviceaccounts:ci\",\"system:authenticated\"]");
    assertThat(r.code()).isZero();
  }

  @Test
  void canI_unknownResource_warnsAsKubectlAndAnswersNo() {
    Run r = run("auth", "can-i", "get", "foos", "--as", "x", "--cluster", CLUSTER);
    assertThat(r.out()).isEqualTo("no\n");
    assertThat(r.err()).isEqualTo("Warning: the server doesn't have a resource type 'foos'\n");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void canI_badInput_exitsTwo() {
    Run oneArg = run("auth", "can-i", "get", "--as", "x", "--cluster", CLUSTER);
    assertThat(oneArg.code()).isEqualTo(2);
    Run urlWithName = run("auth", "can-i", "get", "/healthz", "x", "--as", "x", "--cluster", CLUSTER);
    assertThat(urlWithName.err()).isEqualTo(
        "error: NonResourceURL and ResourceName can not specified together\n");
    assertThat(urlWithName.code()).isEqualTo(2);
    Run badOutput = run("auth", "can-i", "get", "pods", "--as", "x", "--cluster", CLUSTER, "-o", "yaml");
    assertThat(badOutput.code()).isEqualTo(2);
  }

  @Test
  void whoCan_resourceNames_listsEverySubjectWithItsBinding() throws Exception {
    Run r = run("auth", "who-can", "get", "configmaps", "app-config", "-n", "team-a",
        "--cluster", CLUSTER, "-o", "json");
    assertThat(r.code()).isZero();
    List<String> subjects = new ArrayList<>();
    r.json().get("subjects").forEach(s -> subjects.add(s.get("kind").asText() + " "
        + (s.has("namespace") ? s.get("namespace").asText() + "/" : "") + s.get("name").asText()));
    assertThat(subjects).containsExactly("Group system:masters", "User ops",
        "User system:kube-controller-manager", "ServiceAccount team-a/builder", "User alice",
        "Group team-a-devs");
    JsonNode builder = r.json().get("subjects").get(3);
    assertThat(builder.get("via").toString()).isEqualTo("[{\"authorizer\":{\"type\":\"RBAC\","
        + "\"name\":\"rbac\"},\"binding\":{\"kind\":\"RoleBinding\",\"name\":\"builder-config\","
        + "\"namespace\":\"team-a\"},\"role\":{\"kind\":\"Role\",\"name\":\"app-config-reader\"},"
        + "\"description\":\"RoleBinding \\\"builder-config/team-a\\\" of Role \\\"app-config-reader\\\""
        + " to ServiceAccount \\\"builder/team-a\\\"\"}]");
    assertThat(r.json().get("webhooksConsulted").size()).isZero();
  }

  @Test
  void whoCan_scaleAndNonResource_text() {
    Run scale = run("auth", "who-can", "update", "deployments.apps", "--subresource", "scale",
        "-n", "x", "--cluster", CLUSTER);
    assertThat(scale.out()).isEqualTo("""
        SUBJECT                VIA
        Group system:masters   privileged group system:masters
                               ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to Group "system:masters"
        User autoscaler-bot    ClusterRoleBinding "autoscaler" of ClusterRole "scaler" to User "autoscaler-bot"
        User ops               ClusterRoleBinding "ops-edit" of ClusterRole "edit" to User "ops"
        """);
    Run metrics = run("auth", "who-can", "get", "/metrics/slis", "--cluster", CLUSTER, "-o", "json");
    assertThat(metrics.out()).contains("\"name\" : \"sre\"", "\"name\" : \"prometheus\"",
        "\"name\" : \"system:monitoring\"");
  }
}

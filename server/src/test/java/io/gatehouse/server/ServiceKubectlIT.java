package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Service IP and node port allocation seen through the real kubectl 1.33 and 1.30: the {@code
 * kubernetes} Service, {@code kubectl create service clusterip/nodeport}, a requested duplicate IP
 * or node port failing with kube-apiserver's text as kubectl prints it, deletion freeing both, and
 * allocations surviving a restart of the server on the same data directory.
 */
class ServiceKubectlIT {

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static String ok(Kubectl k, String... args) {
    Kubectl.Result r = server.admin(k, args);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return r.stdout();
  }

  private static String failure(Kubectl k, String... args) {
    Kubectl.Result r = server.admin(k, args);
    assertThat(r.exitCode()).as(r.stdout()).isNotZero();
    return r.stderr().strip();
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void getService_kubernetes_showsFirstIpAndHttpsPort(Kubectl k) {
    String out = ok(k, "get", "svc", "kubernetes");

    assertThat(out).startsWith("NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n");
    assertThat(out.lines().skip(1).findFirst().orElseThrow())
        .matches("kubernetes   ClusterIP   10\\.0\\.0\\.1     <none>        443/TCP   \\S+");
    assertThat(ok(k, "get", "endpoints", "kubernetes", "-o",
        "jsonpath={.subsets[0].addresses[0].ip}:{.subsets[0].ports[0].port}"))
        .isEqualTo("127.0.0.1:" + server.server().port());
    assertThat(ok(k, "get", "endpointslice", "kubernetes", "-o",
        "jsonpath={.addressType} {.endpoints[0].addresses[0]} {.ports[0].name}"))
        .isEqualTo("IPv4 127.0.0.1 https");
    assertThat(ok(k, "get", "servicecidr", "kubernetes", "-o", "jsonpath={.spec.cidrs[0]}"))
        .isEqualTo("10.0.0.0/24");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void createService_duplicatesFailAndDeletionFrees(Kubectl k) {
    String v = k.label().replace("kubectl.1.", "");
    int nodePort = 30000 + Integer.parseInt(v);
    assertThat(ok(k, "create", "service", "clusterip", "web-" + v, "--tcp=80:8080"))
        .isEqualTo("service/web-" + v + " created\n");
    String ip = ok(k, "get", "svc", "web-" + v, "-o", "jsonpath={.spec.clusterIP}");
    assertThat(ip).matches("10\\.0\\.0\\.\\d+");
    assertThat(ok(k, "get", "ipaddress", ip, "-o", "jsonpath={.spec.parentRef.name}"))
        .isEqualTo("web-" + v);
    assertThat(ok(k, "create", "service", "nodeport", "np-" + v, "--tcp=80:8080",
        "--node-port=" + nodePort)).isEqualTo("service/np-" + v + " created\n");
    assertThat(ok(k, "get", "svc", "np-" + v, "-o", "jsonpath={.spec.ports[0].nodePort}"))
        .isEqualTo(Integer.toString(nodePort));

    assertThat(failure(k, "create", "service", "clusterip", "dup-" + v, "--clusterip=" + ip,
        "--tcp=80")).isEqualTo("error: failed to create ClusterIP service: Service \"dup-" + v
            + "\" is invalid: spec.clusterIPs: Invalid value: []string{\"" + ip + "\"}: failed "
            + "to allocate IP " + ip + ": provided IP is already allocated");
    assertThat(failure(k, "create", "service", "nodeport", "dup-" + v, "--tcp=80",
        "--node-port=" + nodePort)).isEqualTo("error: failed to create NodePort service: "
            + "Service \"dup-" + v + "\" is invalid: spec.ports[0].nodePort: Invalid value: "
            + nodePort + ": provided port is already allocated");
    assertThat(failure(k, "create", "service", "nodeport", "low-" + v, "--tcp=80",
        "--node-port=80")).isEqualTo("error: failed to create NodePort service: Service \"low-"
            + v + "\" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is "
            + "not in the valid range. The range of valid ports is 30000-32767");

    ok(k, "delete", "svc", "web-" + v, "np-" + v);

    assertThat(ok(k, "create", "service", "clusterip", "again-" + v, "--clusterip=" + ip,
        "--tcp=80")).isEqualTo("service/again-" + v + " created\n");
    assertThat(ok(k, "create", "service", "nodeport", "np-again-" + v, "--tcp=80",
        "--node-port=" + nodePort)).isEqualTo("service/np-again-" + v + " created\n");
  }

  @Test
  void restart_keepsAllocations() {
    Kubectl k = Kubectl.versions("1.33", "1.30").get(0);
    ok(k, "create", "service", "nodeport", "kept", "--tcp=80", "--node-port=31999");
    String ip = ok(k, "get", "svc", "kept", "-o", "jsonpath={.spec.clusterIP}");

    server.restart();

    assertThat(ok(k, "get", "svc", "kept", "-o", "jsonpath={.spec.clusterIP}")).isEqualTo(ip);
    assertThat(failure(k, "create", "service", "clusterip", "clash", "--clusterip=" + ip,
        "--tcp=80")).endsWith("failed to allocate IP " + ip + ": provided IP is already "
            + "allocated");
    assertThat(failure(k, "create", "service", "nodeport", "clash", "--tcp=80",
        "--node-port=31999")).endsWith("Invalid value: 31999: provided port is already "
            + "allocated");
    assertThat(ok(k, "get", "svc", "kubernetes", "-o", "jsonpath={.spec.clusterIP}"))
        .isEqualTo("10.0.0.1");
  }
}

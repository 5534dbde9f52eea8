package io.gatehouse.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes the {@code admit} scale workload: 60 ValidatingAdmissionPolicies with bindings (a mix of
 * comparisons, label and annotation rules, image and quantity checks, comprehensions over
 * containers, matchConditions, variables, messageExpressions, params from ConfigMaps, Deny and Warn
 * bindings, namespace selectors), 20 labelled Namespaces with params, and N manifests (Deployments,
 * StatefulSets, DaemonSets, Pods, ConfigMaps, Services) spread over the namespaces, some violating.
 *
 * <p>Usage: {@code AdmitWorkload DIR [N]} (default N = 10000). Deterministic (fixed seed).
 */
public final class AdmitWorkload {

  private static final int NAMESPACES = 20;

  private AdmitWorkload() {}

  /** Writes the workload into {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Files.createDirectories(dir);
    writePolicies(dir.resolve("policies.yaml"));
    writeCluster(dir.resolve("cluster.yaml"));
    writeResources(dir.resolve("resources.yaml"), n);
  }

  private static final List<String> RULES =
      List.of(
          "!has(object.spec.replicas) || object.spec.replicas <= %d",
          "has(object.metadata.labels) && 'owner' in object.metadata.labels",
          "!has(object.metadata.labels) || !('env' in object.metadata.labels) || object.metadata.labels['env'] in ['dev', 'staging', 'prod']",
          "object.spec.template.spec.containers.all(c, c.image.startsWith('registry.example.com/'))",
          "object.spec.template.spec.containers.all(c, !c.image.endsWith(':latest'))",
          "object.spec.template.spec.containers.all(c, has(c.resources) && has(c.resources.limits) && 'memory' in c.resources.limits)",
          "object.spec.template.spec.containers.all(c, !has(c.resources) || !has(c.resources.limits) || !('memory' in c.resources.limits) || quantity(c.resources.limits.memory).compareTo(quantity('%dGi')) <= 0)",
          "!has(object.spec.template.spec.hostNetwork) || object.spec.template.spec.hostNetwork == false",
          "object.spec.template.spec.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged) || c.securityContext.privileged == false)",
          "object.metadata.name.size() <= 50 + %d",
          "object.metadata.name.matches('^[a-z][-a-z0-9]*$')",
          "variables.containerCount <= %d");

  private static void writePolicies(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 60; i++) {
        String rule = RULES.get(i % RULES.size()).formatted(10 + i % 7);
        boolean params = i % 10 == 9;
        boolean warn = i % 4 == 3;
        w.write("apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\n");
        w.write("metadata: {name: policy-" + i + "}\nspec:\n  failurePolicy: Fail\n");
        if (params) {
          w.write("  paramKind: {apiVersion: v1, kind: ConfigMap}\n");
        }
        w.write("  matchConstraints:\n    resourceRules:\n");
        w.write("    - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE],"
            + " resources: [deployments, statefulsets, daemonsets]}\n");
        if (i % 3 == 0) {
          w.write("  matchConditions:\n  - name: not-system\n    expression:"
              + " \"!object.metadata.name.startsWith('system-')\"\n");
        }
        w.write("  variables:\n  - name: containerCount\n    expression:"
            + " \"size(object.spec.template.spec.containers)\"\n");
        w.write("  validations:\n  - expression: \"" + rule.replace("\"", "\\\"") + "\"\n");
        if (i % 2 == 0) {
          w.write("    messageExpression: \"'policy-" + i + " rejected ' + object.metadata.name\"\n");
        }
        if (params) {
          w.write("  - expression: \"params == null || !('maxReplicas' in params.data) ||"
              + " object.spec.replicas <= int(params.data.maxReplicas)\"\n");
        }
        w.write("---\napiVersion: admissionregistration.k8s.io/v1\n"
            + "kind: ValidatingAdmissionPolicyBinding\n");
        w.write("metadata: {name: binding-" + i + "}\nspec:\n  policyName: policy-" + i + "\n");
        w.write("  validationActions: [" + (warn ? "Warn" : "Deny") + "]\n");
        if (params) {
          w.write("  paramRef: {name: limits, parameterNotFoundAction: Allow}\n");
        }
        if (i % 5 == 4) {
          w.write("  matchResources:\n    namespaceSelector:\n      matchLabels: {tier: prod}\n");
        }
        w.write("---\n");
      }
    }
  }

  private static void writeCluster(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < NAMESPACES; i++) {
        w.write("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-" + i + "\n");
        w.write("  labels: {tier: " + (i % 2 == 0 ? "prod" : "dev") + "}\n---\n");
        w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: limits, namespace: team-" + i
            + "}\ndata: {maxReplicas: \"" + (4 + i % 5) + "\"}\n---\n");
      }
    }
  }

  private static void writeResources(Path file, int n) throws IOException {
    Random random = new Random(42);
    String[] kinds = {"Deployment", "StatefulSet", "DaemonSet", "Pod", "ConfigMap", "Service"};
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        String kind = kinds[i % kinds.length];
        String ns = "team-" + random.nextInt(NAMESPACES);
        String name = "app-" + i;
        boolean bad = random.nextInt(10) == 0;
        switch (kind) {
          case "ConfigMap" -> w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name
              + ", namespace: " + ns + "}\ndata: {key: value-" + i + "}\n");
          case "Service" -> w.write("apiVersion: v1\nkind: Service\nmetadata: {name: " + name
              + ", namespace: " + ns + "}\nspec:\n  selector: {app: " + name + "}\n"
              + "  ports: [{port: 80, targetPort: 8080}]\n");
          case "Pod" -> w.write("apiVersion: v1\nkind: Pod\nmetadata: {name: " + name
              + ", namespace: " + ns + ", labels: {app: " + name + "}}\nspec:\n"
              + podSpec("  ", bad));
          default -> {
            w.write("apiVersion: apps/v1\nkind: " + kind + "\nmetadata:\n  name: " + name
                + "\n  namespace: " + ns + "\n  labels: {app: " + name
                + (bad ? "" : ", owner: team, env: prod") + "}\nspec:\n");
            if (!kind.equals("DaemonSet")) {
              w.write("  replicas: " + (bad ? 25 : 1 + random.nextInt(4)) + "\n");
            }
            if (kind.equals("StatefulSet")) {
              w.write("  serviceName: " + name + "\n");
            }
            w.write("  selector: {matchLabels: {app: " + name + "}}\n  template:\n"
                + "    metadata: {labels: {app: " + name + "}}\n    spec:\n"
                + podSpec("      ", bad));
          }
        }
        w.write("---\n");
      }
    }
  }

  private static String podSpec(String indent, boolean bad) {
    String image = bad ? "docker.io/library/nginx:latest" : "registry.example.com/team/web:1.4.2";
    return indent + "containers:\n"
        + indent + "- name: web\n"
        + indent + "  image: " + image + "\n"
        + indent + "  ports: [{containerPort: 8080}]\n"
        + indent + "  resources:\n"
        + indent + "    requests: {cpu: 250m, memory: 256Mi}\n"
        + indent + "    limits: {cpu: \"1\", memory: " + (bad ? "16Gi" : "512Mi") + "}\n"
        + indent + "  securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true}\n"
        + indent + "- name: proxy\n"
        + indent + "  image: registry.example.com/mesh/proxy:2.1.0\n"
        + indent + "  resources: {limits: {memory: 128Mi}}\n";
  }
}

package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * CustomResourceDefinitions end to end with the real kubectl 1.33 and 1.30: apply a CRD, wait for
 * it to be established, apply, get (short name, printer columns), describe, patch, label and
 * delete custom objects, the exact errors for an invalid object and for unknown fields with
 * {@code fieldValidation=Strict}, and deleting the CRD removing its objects. Each kubectl version
 * gets its own API group.
 */
class CustomResourceKubectlIT {

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static String write(String name, String text) {
    return server.write(name, text).toString();
  }

  private static String crd(String group) {
    return """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.GROUP
        spec:
          group: GROUP
          scope: Namespaced
          names:
            plural: widgets
            kind: Widget
            shortNames: [wd]
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
              scale:
                specReplicasPath: .spec.size
                statusReplicasPath: .status.replicas
            additionalPrinterColumns:
            - name: Size
              type: integer
              jsonPath: .spec.size
            - name: Color
              type: string
              jsonPath: .spec.color
            - name: Age
              type: date
              jsonPath: .metadata.creationTimestamp
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    properties:
                      size:
                        type: integer
                        minimum: 1
                      color:
                        type: string
                        default: red
                  status:
                    type: object
                    properties:
                      ready:
                        type: boolean
                      replicas:
                        type: integer
        """.replace("GROUP", group);
  }

  private static String widget(String group, String name, int size) {
    return "apiVersion: " + group + "/v1\nkind: Widget\nmetadata:\n  name: " + name
        + "\nspec:\n  size: " + size + "\n";
  }

  /** A ValidatingAdmissionPolicy whose params are a custom object. */
  private static void paramsFromCustomResource(Kubectl k, String v, String group, String ns)
      throws Exception {
    String policy = """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: max-keys-@V@}
        spec:
          paramKind: {apiVersion: @GROUP@/v1, kind: Widget}
          matchConstraints:
            resourceRules:
            - {apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [configmaps]}
          validations:
          - expression: "object.data.size() <= params.spec.size"
            messageExpression: "'too many keys: at most ' + string(params.spec.size)"
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: max-keys-@V@}
        spec:
          policyName: max-keys-@V@
          validationActions: [Deny]
          paramRef: {name: limits, namespace: @NS@, parameterNotFoundAction: Deny}
          matchResources:
            namespaceSelector:
              matchLabels: {kubernetes.io/metadata.name: @NS@}
        """.replace("@V@", v).replace("@GROUP@", group).replace("@NS@", ns);
    server.createAsAdmin(k, v + "-policy.yaml", policy);
    assertThat(server.admin(k, "-n", ns, "apply", "-f",
        write(v + "-limits.yaml", widget(group, "limits", 1))).exitCode()).isZero();
    String cm = write(v + "-cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c2\n"
        + "data:\n  a: b\n  c: d\n");
    Kubectl.Result denied = Eventually.until(() -> server.admin(k, "-n", ns, "create", "-f", cm),
        r -> r.stderr().contains("denied request"));
    assertThat(denied.stderr()).contains("ValidatingAdmissionPolicy 'max-keys-" + v
        + "' with binding 'max-keys-" + v + "' denied request: too many keys: at most 1");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void customResources_lifecycle_behaveAsUpstream(Kubectl k) throws Exception {
    String v = k.tag();
    String group = "k" + v + ".example.com";
    String ns = "crd-" + v;
    server.createAsAdmin(k, v + "-ns.yaml",
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");

    Kubectl.Result applied = server.admin(k, "apply", "-f",
        write(v + "-crd.yaml", crd(group)));
    assertThat(applied.stdout()).as(applied.stderr())
        .contains("customresourcedefinition.apiextensions.k8s.io/widgets." + group + " created");
    Kubectl.Result waited = server.admin(k, "wait", "--for", "condition=established",
        "--timeout=30s", "crd/widgets." + group);
    assertThat(waited.stdout()).as(waited.stderr())
        .contains("customresourcedefinition.apiextensions.k8s.io/widgets." + group
            + " condition met");

    Kubectl.Result created = server.admin(k, "-n", ns, "apply", "-f",
        write(v + "-w1.yaml", widget(group, "w1", 2)));
    assertThat(created.stdout()).as(created.stderr()).contains("widget." + group + "/w1 created");

    Kubectl.Result table = server.admin(k, "-n", ns, "get", "wd");
    assertThat(table.stdout().lines().findFirst().orElse("")).as(table.stderr())
        .matches("NAME\\s+SIZE\\s+COLOR\\s+AGE");
    assertThat(table.stdout()).containsPattern("w1\\s+2\\s+red\\s+\\d+s");
    assertThat(server.admin(k, "-n", ns, "get", "widgets." + group, "w1", "-o", "yaml").stdout())
        .contains("apiVersion: " + group + "/v1", "color: red", "generation: 1");
    assertThat(server.admin(k, "-n", ns, "describe", "widget", "w1").stdout())
        .contains("Name:", "w1", "Spec:", "Size:", "2");

    assertThat(server.admin(k, "-n", ns, "patch", "wd", "w1", "--type=merge", "-p",
        "{\"spec\":{\"size\":5}}").stdout()).contains("widget." + group + "/w1 patched");
    assertThat(server.admin(k, "-n", ns, "label", "wd", "w1", "team=blue").stdout())
        .contains("widget." + group + "/w1 labeled");
    assertThat(server.admin(k, "-n", ns, "get", "wd", "w1", "-o",
        "jsonpath={.spec.size} {.metadata.labels.team} {.metadata.generation}").stdout())
        .isEqualTo("5 blue 2");
    assertThat(server.admin(k, "-n", ns, "scale", "wd", "w1", "--replicas=3").stdout())
        .contains("widget." + group + "/w1 scaled");
    assertThat(server.admin(k, "-n", ns, "get", "wd", "w1", "-o", "jsonpath={.spec.size}").stdout())
        .isEqualTo("3");
    assertThat(server.admin(k, "get", "crd", "widgets." + group).stdout())
        .containsPattern("NAME\\s+CREATED AT")
        .containsPattern("widgets." + group.replace(".", "\\.") + "\\s+\\d{4}-\\d\\d-\\d\\dT");
    paramsFromCustomResource(k, v, group, ns);

    Kubectl.Result invalid = server.admin(k, "-n", ns, "apply", "-f",
        write(v + "-bad.yaml", widget(group, "bad", 0)));
    assertThat(invalid.exitCode()).isNotZero();
    assertThat(invalid.stderr()).contains("The Widget \"bad\" is invalid: spec.size: Invalid "
        + "value: 0: spec.size in body should be greater than or equal to 1");

    Kubectl.Result strict = server.admin(k, "create", "--raw", "/apis/" + group + "/v1/namespaces/" + ns
        + "/widgets?fieldValidation=Strict", "-f", write(v + "-strict.json",
        "{\"apiVersion\":\"" + group + "/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"s\"},"
            + "\"spec\":{\"size\":1,\"shape\":\"round\"}}"));
    assertThat(strict.exitCode()).isNotZero();
    assertThat(strict.stderr()).contains("Widget in version \"v1\" cannot be handled as a Widget:"
        + " strict decoding error: unknown field \"spec.shape\"");

    assertThat(server.admin(k, "-n", ns, "delete", "widget", "w1").stdout())
        .contains("widget." + group + " \"w1\" deleted");
    assertThat(server.admin(k, "-n", ns, "apply", "-f",
        write(v + "-w2.yaml", widget(group, "w2", 3))).exitCode()).isZero();
    Kubectl.Result deleted = server.admin(k, "delete", "crd", "widgets." + group);
    assertThat(deleted.stdout()).as(deleted.stderr())
        .contains("customresourcedefinition.apiextensions.k8s.io \"widgets." + group
            + "\" deleted");
    Kubectl.Result gone = server.admin(k, "get", "--raw", "/apis/" + group + "/v1/namespaces/" + ns
        + "/widgets");
    assertThat(gone.exitCode()).isNotZero();
    assertThat(gone.stderr()).contains("NotFound");
  }
}

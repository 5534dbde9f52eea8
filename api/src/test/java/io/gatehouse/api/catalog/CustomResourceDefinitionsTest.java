package io.gatehouse.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomResourceDefinitionsTest {

  /** Namespaced, three versions listed out of priority order, v1alpha1 not served. */
  private static final String WIDGETS =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd], categories: [all]}
        versions:
        - {name: v1beta1, served: true, storage: false}
        - name: v1
          served: true
          storage: true
          subresources: {status: {}, scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}}
        - {name: v1alpha1, served: false, storage: false, subresources: {status: {}}}
      """;

  /** Cluster-scoped, no singular or listKind given. */
  private static final String GADGETS =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: gadgets.acme.io}
      spec:
        group: acme.io
        scope: Cluster
        names: {plural: gadgets, kind: Gadget}
        versions:
        - {name: v2, served: true, storage: true}
      """;

  private static List<Unstructured> crds(String... yaml) {
    return ManifestDecoder.decode("crds.yaml", String.join("---\n", yaml).getBytes(StandardCharsets.UTF_8))
        .manifests()
        .stream()
        .map(Manifest::object)
        .toList();
  }

  private static final ResourceCatalog CATALOG =
      ResourceCatalog.builtin().withCustomResourceDefinitions(crds(WIDGETS, GADGETS));

  private static GroupVersionResource widgets(String version) {
    return new GroupVersionResource("example.com", version, "widgets");
  }

  @Test
  void withCustomResourceDefinitions_namespacedCrd_servesEachServedVersion() {
    GroupVersion v1 = new GroupVersion("example.com", "v1");
    assertThat(CATALOG.resource(widgets("v1")))
        .contains(
            new ApiResource(
                widgets("v1"), "widget", v1.withKind("Widget"), "WidgetList", Scope.NAMESPACED,
                List.of("delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"),
                List.of("wd"), List.of("all"),
                List.of(
                    new Subresource("status", v1.withKind("Widget"), List.of("get", "patch", "update")),
                    new Subresource(
                        "scale", new GroupVersionKind("autoscaling", "v1", "Scale"), List.of("get", "patch", "update")))));
    assertThat(CATALOG.resourceFor(new GroupVersionKind("example.com", "v1beta1", "Widget")))
        .map(ApiResource::subresources)
        .contains(List.of());
    assertThat(CATALOG.resource(widgets("v1alpha1"))).isEmpty();
    assertThat(CATALOG.resourceFor(new GroupVersionKind("example.com", "v1alpha1", "Widget"))).isEmpty();
  }

  @Test
  void withCustomResourceDefinitions_clusterScopedCrd_defaultsSingularAndListKind() {
    ApiResource gadgets = CATALOG.requireResourceFor(new GroupVersionKind("acme.io", "v2", "Gadget"));
    assertThat(gadgets.scope()).isEqualTo(Scope.CLUSTER);
    assertThat(gadgets.singularName()).isEqualTo("gadget");
    assertThat(gadgets.listKind()).isEqualTo("GadgetList");
    assertThat(CATALOG.isNamespaced(new GroupResource("acme.io", "gadgets"))).isFalse();
    assertThat(CATALOG.isNamespaced(new GroupResource("example.com", "widgets"))).isTrue();
  }

  @Test
  void groupVersions_crdGroups_followBuiltinsByApiServiceNameAndKubeAwareVersions() {
    List<GroupVersion> all = CATALOG.groupVersions();
    assertThat(all.subList(all.size() - 3, all.size()))
        .containsExactly(
            new GroupVersion("example.com", "v1"),
            new GroupVersion("example.com", "v1beta1"),
            new GroupVersion("acme.io", "v2"));
  }

  @Test
  void equivalentResources_crdVersions_includeUnservedInSpecOrder() {
    assertThat(CATALOG.equivalentResources(widgets("v1"), ""))
        .containsExactly(widgets("v1beta1"), widgets("v1"), widgets("v1alpha1"));
    assertThat(CATALOG.equivalentResources(widgets("v1beta1"), "status"))
        .containsExactly(widgets("v1"), widgets("v1alpha1"));
    assertThat(CATALOG.equivalentResources(widgets("v1"), "scale")).containsExactly(widgets("v1"));
    assertThat(CATALOG.kindFor(widgets("v1"), "scale")).contains(new GroupVersionKind("autoscaling", "v1", "Scale"));
    assertThat(CATALOG.kindFor(widgets("v1alpha1"), "")).contains(new GroupVersionKind("example.com", "v1alpha1", "Widget"));
  }

  @Test
  void resolve_crdShortNameAndGroup_findsPreferredVersion() {
    assertThat(CATALOG.resolve("wd")).map(ApiResource::groupVersionResource).contains(widgets("v1"));
    assertThat(CATALOG.resolve("widgets.v1beta1.example.com")).map(ApiResource::groupVersionResource)
        .contains(widgets("v1beta1"));
    assertThat(CATALOG.resolve("gadget")).map(ApiResource::groupVersionResource)
        .contains(new GroupVersionResource("acme.io", "v2", "gadgets"));
  }

  @Test
  void resolve_twoResourcesOfOneGroupVersionMatch_isAmbiguous() {
    String odd =
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: ingress.networking.k8s.io}
        spec:
          group: networking.k8s.io
          scope: Namespaced
          names: {plural: ingress, singular: ingressthing, kind: IngressThing}
          versions:
          - {name: v1, served: true, storage: true}
        """;
    ResourceCatalog catalog = ResourceCatalog.builtin().withCustomResourceDefinitions(crds(odd));
    assertThat(catalog.resource(new GroupVersionResource("networking.k8s.io", "v1", "ingress"))).isPresent();
    assertThat(catalog.resolve("ingress")).isEmpty();
    assertThat(ResourceCatalog.builtin().resolve("ingress")).isPresent();
  }

  @Test
  void withCustomResourceDefinitions_conflictingNames_leavesTheLaterCrdOut() {
    String rival = WIDGETS.replace("widgets.example.com", "rivals.example.com")
        .replace("plural: widgets, singular: widget", "plural: rivals, singular: rival");
    ResourceCatalog catalog = ResourceCatalog.builtin().withCustomResourceDefinitions(crds(WIDGETS, rival));
    assertThat(catalog.resource(new GroupVersionResource("example.com", "v1", "rivals"))).isEmpty();
    assertThat(catalog.equivalentResources(new GroupVersionResource("example.com", "v1", "rivals"), "")).isEmpty();
    assertThat(catalog.resource(widgets("v1"))).isPresent();
  }

  @Test
  void withCustomResourceDefinitions_calledTwice_accumulatesAndLeavesReceiverUnchanged() {
    ResourceCatalog once = ResourceCatalog.builtin().withCustomResourceDefinitions(crds(WIDGETS));
    ResourceCatalog twice = once.withCustomResourceDefinitions(crds(GADGETS));
    assertThat(once.resource(new GroupVersionResource("acme.io", "v2", "gadgets"))).isEmpty();
    assertThat(twice.resource(new GroupVersionResource("acme.io", "v2", "gadgets"))).isPresent();
    assertThat(twice.resource(widgets("v1"))).isPresent();
    assertThat(ResourceCatalog.builtin().resource(widgets("v1"))).isEmpty();
  }

  @Test
  void withCustomResourceDefinitions_notACrd_isRejected() {
    Unstructured configMap = crds("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n").get(0);
    assertThatThrownBy(() -> ResourceCatalog.builtin().withCustomResourceDefinitions(List.of(configMap)))
        .isInstanceOf(IllegalArgumentException.class);
    Unstructured noGroup = crds(GADGETS.replace("group: acme.io", "group: \"\"")).get(0);
    assertThatThrownBy(() -> ResourceCatalog.builtin().withCustomResourceDefinitions(List.of(noGroup)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CustomResourceDefinition \"gadgets.acme.io\": spec.group is required");
  }

  @Test
  void withCustomResourceDefinitions_terminatingCrd_offersReadAndDeleteVerbsOnly() {
    String terminating = GADGETS + """
        status:
          conditions:
          - {type: Established, status: "True"}
          - {type: Terminating, status: "True"}
        """;
    ResourceCatalog catalog = ResourceCatalog.builtin().withCustomResourceDefinitions(crds(terminating));
    assertThat(catalog.resource(new GroupVersionResource("acme.io", "v2", "gadgets")).orElseThrow()
        .verbs()).containsExactly("delete", "deletecollection", "get", "list", "watch");
  }
}

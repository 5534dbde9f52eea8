package io.gatehouse.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.server.openapi.Operation.PathItem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResourcePathsTest {

  private static final ResourceCatalog CATALOG = ResourceCatalog.builtin();

  private record Case(String name, GroupVersionResource gvr, List<String> subresources,
      String path, String method, String operationId, String action) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> operations() {
    GroupVersionResource pods = new GroupVersionResource("", "v1", "pods");
    GroupVersionResource namespaces = new GroupVersionResource("", "v1", "namespaces");
    GroupVersionResource deployments = new GroupVersionResource("apps", "v1", "deployments");
    GroupVersionResource clusterRoles =
        new GroupVersionResource("rbac.authorization.k8s.io", "v1", "clusterroles");
    GroupVersionResource policies = new GroupVersionResource("admissionregistration.k8s.io",
        "v1beta1", "validatingadmissionpolicies");
    return Stream.of(
        new Case("pods list", pods, List.of(), "/api/v1/namespaces/{namespace}/pods", "get",
            "listCoreV1NamespacedPod", "list"),
        new Case("pods create", pods, List.of(), "/api/v1/namespaces/{namespace}/pods", "post",
            "createCoreV1NamespacedPod", "post"),
        new Case("pods deletecollection", pods, List.of(), "/api/v1/namespaces/{namespace}/pods",
            "delete", "deleteCoreV1CollectionNamespacedPod", "deletecollection"),
        new Case("pods read", pods, List.of(), "/api/v1/namespaces/{namespace}/pods/{name}",
            "get", "readCoreV1NamespacedPod", "get"),
        new Case("pods patch", pods, List.of(), "/api/v1/namespaces/{namespace}/pods/{name}",
            "patch", "patchCoreV1NamespacedPod", "patch"),
        new Case("pods status replace", pods, List.of("status"),
            "/api/v1/namespaces/{namespace}/pods/{name}/status", "put",
            "replaceCoreV1NamespacedPodStatus", "put"),
        new Case("pods all namespaces", pods, List.of(), "/api/v1/pods", "get",
            "listCoreV1PodForAllNamespaces", "list"),
        new Case("pods watch list", pods, List.of(), "/api/v1/watch/namespaces/{namespace}/pods",
            "get", "watchCoreV1NamespacedPodList", "watchlist"),
        new Case("pods watch one", pods, List.of(),
            "/api/v1/watch/namespaces/{namespace}/pods/{name}", "get", "watchCoreV1NamespacedPod",
            "watch"),
        new Case("pods watch all", pods, List.of(), "/api/v1/watch/pods", "get",
            "watchCoreV1PodListForAllNamespaces", "watchlist"),
        new Case("namespaces replace", namespaces, List.of(), "/api/v1/namespaces/{name}", "put",
            "replaceCoreV1Namespace", "put"),
        new Case("deployments delete", deployments, List.of(),
            "/apis/apps/v1/namespaces/{namespace}/deployments/{name}", "delete",
            "deleteAppsV1NamespacedDeployment", "delete"),
        new Case("clusterroles patch", clusterRoles, List.of(),
            "/apis/rbac.authorization.k8s.io/v1/clusterroles/{name}", "patch",
            "patchRbacAuthorizationV1ClusterRole", "patch"),
        new Case("v1beta1 policies list", policies, List.of(),
            "/apis/admissionregistration.k8s.io/v1beta1/validatingadmissionpolicies", "get",
            "listAdmissionregistrationV1beta1ValidatingAdmissionPolicy", "list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void of_resource_hasUpstreamOperation(Case c) {
    Operation op = operation(paths(c.gvr(), c.subresources()), c.path(), c.method());
    assertThat(op.id()).isEqualTo(c.operationId());
    assertThat(op.action()).isEqualTo(c.action());
    assertThat(op.gvk()).isEqualTo(resource(c.gvr()).kind());
  }

  @Test
  void of_patch_listsFieldValidationAndPatchTypes() {
    Operation op = operation(paths(new GroupVersionResource("", "v1", "configmaps"), List.of()),
        "/api/v1/namespaces/{namespace}/configmaps/{name}", "patch");
    assertThat(op.parameters().stream().map(Operation.Parameter::name))
        .containsExactly("dryRun", "fieldManager", "fieldValidation", "force");
    assertThat(op.body().contentTypes()).containsExactlyElementsOf(
        PublishedResource.BUILTIN_PATCH_TYPES);
    assertThat(op.body().definition()).isEqualTo(ResourcePaths.PATCH);
  }

  @Test
  void of_scaleSubresource_takesScaleObjects() {
    List<PathItem> items = paths(new GroupVersionResource("apps", "v1", "deployments"),
        List.of("scale"));
    Operation patch = operation(items,
        "/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale", "patch");
    assertThat(patch.id()).isEqualTo("patchAppsV1NamespacedDeploymentScale");
    assertThat(patch.gvk()).isEqualTo(
        new io.gatehouse.api.GroupVersionKind("autoscaling", "v1", "Scale"));
    assertThat(patch.responses().get("200").definition()).isEqualTo("scale");
  }

  @Test
  void of_statusSubresource_hasNoDelete() {
    List<PathItem> items = paths(new GroupVersionResource("", "v1", "pods"), List.of("status"));
    PathItem status = items.stream()
        .filter(i -> i.path().equals("/api/v1/namespaces/{namespace}/pods/{name}/status"))
        .findFirst().orElseThrow();
    assertThat(status.operations().stream().map(Operation::method))
        .containsExactly("get", "put", "patch");
    assertThat(status.parameters().stream().map(Operation.Parameter::name))
        .containsExactly("name", "namespace", "pretty");
  }

  @Test
  void of_clusterScoped_hasNoAllNamespacesPaths() {
    List<String> paths = paths(new GroupVersionResource("", "v1", "namespaces"), List.of())
        .stream().map(PathItem::path).toList();
    assertThat(paths).containsExactly("/api/v1/namespaces", "/api/v1/namespaces/{name}",
        "/api/v1/watch/namespaces", "/api/v1/watch/namespaces/{name}");
  }

  @Test
  void tagAndCamel_groups_followUpstreamNaming() {
    Map<String, String> tags = Stream.of("", "apps", "rbac.authorization.k8s.io",
        "flowcontrol.apiserver.k8s.io", "stable.example.com").collect(Collectors.toMap(g -> g,
            g -> ResourcePaths.tag(new io.gatehouse.api.GroupVersion(g, "v1"))));
    assertThat(tags).containsExactlyInAnyOrderEntriesOf(Map.of("", "core_v1", "apps", "apps_v1",
        "rbac.authorization.k8s.io", "rbacAuthorization_v1",
        "flowcontrol.apiserver.k8s.io", "flowcontrolApiserver_v1",
        "stable.example.com", "stableExampleCom_v1"));
  }

  private static ApiResource resource(GroupVersionResource gvr) {
    return CATALOG.groups().stream().flatMap(g -> g.versions().stream())
        .flatMap(v -> v.resources().stream())
        .filter(r -> r.groupVersionResource().equals(gvr)).findFirst().orElseThrow();
  }

  private static List<PathItem> paths(GroupVersionResource gvr, List<String> subresources) {
    Map<String, String> subs = new java.util.LinkedHashMap<>();
    subresources.forEach(s -> subs.put(s, s.equals("scale") ? "scale" : "k"));
    return ResourcePaths.of(new PublishedResource(resource(gvr), "k", "l", subs,
        PublishedResource.BUILTIN_PATCH_TYPES, Map.of()));
  }

  private static Operation operation(List<PathItem> items, String path, String method) {
    return items.stream().filter(i -> i.path().equals(path)).flatMap(i -> i.operations().stream())
        .filter(o -> o.method().equals(method)).findFirst().orElseThrow();
  }
}

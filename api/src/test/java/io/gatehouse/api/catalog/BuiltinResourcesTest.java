package io.gatehouse.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinResourcesTest {

  private static final ResourceCatalog CATALOG = ResourceCatalog.builtin();

  private static final List<String> CRUD =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private record Case(String name, GroupVersionKind kind, ApiResource expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case resource(
      String apiVersion, String plural, String singular, String kind, Scope scope, List<String> verbs,
      List<String> shortNames, List<String> categories, List<Subresource> subresources) {
    GroupVersion gv = GroupVersion.parse(apiVersion);
    return new Case(
        apiVersion + " " + kind,
        gv.withKind(kind),
        new ApiResource(
            gv.withResource(plural), singular, gv.withKind(kind), kind + "List", scope, verbs,
            shortNames, categories, subresources));
  }

  private static Subresource sub(String name, String apiVersion, String kind, String... verbs) {
    return new Subresource(name, GroupVersion.parse(apiVersion).withKind(kind), List.of(verbs));
  }

  static Stream<Case> resources() {
    List<String> none = List.of();
    List<String> gpu = List.of("get", "patch", "update");
    return Stream.of(
        resource("v1", "pods", "pod", "Pod", Scope.NAMESPACED, CRUD, List.of("po"), List.of("all"),
            List.of(
                sub("attach", "v1", "PodAttachOptions", "create", "get"),
                sub("binding", "v1", "Binding", "create"),
                sub("ephemeralcontainers", "v1", "Pod", "get", "patch", "update"),
                sub("eviction", "policy/v1", "Eviction", "create"),
                sub("exec", "v1", "PodExecOptions", "create", "get"),
                sub("log", "v1", "Pod", "get"),
                sub("portforward", "v1", "PodPortForwardOptions", "create", "get"),
                sub("proxy", "v1", "PodProxyOptions", "create", "delete", "get", "patch", "update"),
                sub("resize", "v1", "Pod", "get", "patch", "update"),
                sub("status", "v1", "Pod", "get", "patch", "update"))),
        resource("v1", "namespaces", "namespace", "Namespace", Scope.CLUSTER,
            List.of("create", "delete", "get", "list", "patch", "update", "watch"), List.of("ns"), none,
            List.of(sub("finalize", "v1", "Namespace", "update"), sub("status", "v1", "Namespace", "get", "patch", "update"))),
        resource("v1", "componentstatuses", "componentstatus", "ComponentStatus", Scope.CLUSTER,
            List.of("get", "list"), List.of("cs"), none, List.of()),
        resource("v1", "endpoints", "endpoints", "Endpoints", Scope.NAMESPACED, CRUD, List.of("ep"), none, List.of()),
        resource("v1", "serviceaccounts", "serviceaccount", "ServiceAccount", Scope.NAMESPACED, CRUD,
            List.of("sa"), none, List.of(sub("token", "authentication.k8s.io/v1", "TokenRequest", "create"))),
        resource("v1", "bindings", "binding", "Binding", Scope.NAMESPACED, List.of("create"), none, none, List.of()),
        resource("apiregistration.k8s.io/v1", "apiservices", "apiservice", "APIService", Scope.CLUSTER, CRUD,
            none, List.of("api-extensions"), List.of(sub("status", "apiregistration.k8s.io/v1", "APIService", "get", "patch", "update"))),
        resource("apps/v1", "deployments", "deployment", "Deployment", Scope.NAMESPACED, CRUD, List.of("deploy"),
            List.of("all"), List.of(sub("scale", "autoscaling/v1", "Scale", "get", "patch", "update"),
                sub("status", "apps/v1", "Deployment", "get", "patch", "update"))),
        resource("apps/v1", "controllerrevisions", "controllerrevision", "ControllerRevision", Scope.NAMESPACED,
            CRUD, none, none, List.of()),
        resource("events.k8s.io/v1", "events", "event", "Event", Scope.NAMESPACED, CRUD, List.of("ev"), none, List.of()),
        resource("authentication.k8s.io/v1", "tokenreviews", "tokenreview", "TokenReview", Scope.CLUSTER,
            List.of("create"), none, none, List.of()),
        resource("authorization.k8s.io/v1", "localsubjectaccessreviews", "localsubjectaccessreview",
            "LocalSubjectAccessReview", Scope.NAMESPACED, List.of("create"), none, none, List.of()),
        resource("autoscaling/v1", "horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler",
            Scope.NAMESPACED, CRUD, List.of("hpa"), List.of("all"),
            List.of(sub("status", "autoscaling/v1", "HorizontalPodAutoscaler", "get", "patch", "update"))),
        resource("batch/v1", "cronjobs", "cronjob", "CronJob", Scope.NAMESPACED, CRUD, List.of("cj"), List.of("all"),
            List.of(sub("status", "batch/v1", "CronJob", "get", "patch", "update"))),
        resource("certificates.k8s.io/v1", "certificatesigningrequests", "certificatesigningrequest",
            "CertificateSigningRequest", Scope.CLUSTER, CRUD, List.of("csr"), none,
            List.of(sub("approval", "certificates.k8s.io/v1", "CertificateSigningRequest", "get", "patch", "update"),
                sub("status", "certificates.k8s.io/v1", "CertificateSigningRequest", "get", "patch", "update"))),
        resource("networking.k8s.io/v1", "ipaddresses", "ipaddress", "IPAddress", Scope.CLUSTER, CRUD, List.of("ip"),
            none, List.of()),
        resource("networking.k8s.io/v1", "networkpolicies", "networkpolicy", "NetworkPolicy", Scope.NAMESPACED, CRUD,
            List.of("netpol"), none, List.of()),
        resource("policy/v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", Scope.NAMESPACED,
            CRUD, List.of("pdb"), none,
            List.of(sub("status", "policy/v1", "PodDisruptionBudget", "get", "patch", "update"))),
        resource("rbac.authorization.k8s.io/v1", "clusterroles", "clusterrole", "ClusterRole", Scope.CLUSTER, CRUD,
            none, none, List.of()),
        resource("storage.k8s.io/v1", "storageclasses", "storageclass", "StorageClass", Scope.CLUSTER, CRUD,
            List.of("sc"), none, List.of()),
        resource("admissionregistration.k8s.io/v1beta1", "validatingadmissionpolicies", "validatingadmissionpolicy",
            "ValidatingAdmissionPolicy", Scope.CLUSTER, CRUD, none, List.of("api-extensions"),
            List.of(sub("status", "admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicy", "get", "patch", "update"))),
        resource("admissionregistration.k8s.io/v1alpha1", "validatingadmissionpolicybindings",
            "validatingadmissionpolicybinding", "ValidatingAdmissionPolicyBinding", Scope.CLUSTER, CRUD, none,
            List.of("api-extensions"), List.of()),
        resource("apiextensions.k8s.io/v1", "customresourcedefinitions", "customresourcedefinition",
            "CustomResourceDefinition", Scope.CLUSTER, CRUD, List.of("crd", "crds"), List.of("api-extensions"),
            List.of(sub("status", "apiextensions.k8s.io/v1", "CustomResourceDefinition", "get", "patch", "update"))),
        resource("scheduling.k8s.io/v1", "priorityclasses", "priorityclass", "PriorityClass", Scope.CLUSTER, CRUD,
            List.of("pc"), none, List.of()),
        resource("coordination.k8s.io/v1", "leases", "lease", "Lease", Scope.NAMESPACED, CRUD, none, none, List.of()),
        resource("node.k8s.io/v1", "runtimeclasses", "runtimeclass", "RuntimeClass", Scope.CLUSTER, CRUD, none, none,
            List.of()),
        resource("discovery.k8s.io/v1", "endpointslices", "endpointslice", "EndpointSlice", Scope.NAMESPACED, CRUD,
            none, none, List.of()),
        resource("flowcontrol.apiserver.k8s.io/v1", "flowschemas", "flowschema", "FlowSchema", Scope.CLUSTER, CRUD,
            none, none, List.of(sub("status", "flowcontrol.apiserver.k8s.io/v1", "FlowSchema", "get", "patch", "update"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resources")
  void resourceFor_builtinKind_returnsDiscoveryData(Case c) {
    assertThat(CATALOG.resourceFor(c.kind())).contains(c.expected());
    assertThat(CATALOG.resource(c.expected().groupVersionResource())).contains(c.expected());
    assertThat(CATALOG.kindFor(c.expected().groupVersionResource())).contains(c.kind());
  }

  @Test
  void groupVersions_builtin_areTheDefaultEnabledOnesInDiscoveryOrder() {
    assertThat(CATALOG.groupVersions())
        .extracting(GroupVersion::toString)
        .containsExactly(
            "v1", "apiregistration.k8s.io/v1", "apps/v1", "events.k8s.io/v1", "authentication.k8s.io/v1",
            "authorization.k8s.io/v1", "autoscaling/v2", "autoscaling/v1", "batch/v1", "certificates.k8s.io/v1",
            "networking.k8s.io/v1", "policy/v1", "rbac.authorization.k8s.io/v1", "storage.k8s.io/v1",
            "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1beta1",
            "admissionregistration.k8s.io/v1alpha1", "apiextensions.k8s.io/v1", "scheduling.k8s.io/v1",
            "coordination.k8s.io/v1", "node.k8s.io/v1", "discovery.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1");
  }

  @Test
  void groups_everyResource_isCompleteAndFindableByKind() {
    for (ApiGroup g : CATALOG.groups()) {
      for (ApiGroupVersion gv : g.versions()) {
        assertThat(gv.groupVersion().group()).isEqualTo(g.name());
        for (ApiResource r : gv.resources()) {
          assertThat(r.groupVersion()).isEqualTo(gv.groupVersion());
          assertThat(List.of(r.name(), r.singularName(), r.kind().kind())).doesNotContainNull().doesNotContain("");
          assertThat(r.verbs()).isNotEmpty();
          assertThat(r.kind().groupVersion()).isEqualTo(gv.groupVersion());
          assertThat(CATALOG.resourceFor(r.kind())).contains(r);
          assertThat(CATALOG.equivalentResources(r.groupVersionResource(), "")).contains(r.groupVersionResource());
          for (Subresource sub : r.subresources()) {
            assertThat(List.of(sub.name(), sub.kind().kind(), sub.kind().version())).doesNotContainNull().doesNotContain("");
            assertThat(CATALOG.kindFor(r.groupVersionResource(), sub.name())).contains(sub.kind());
          }
        }
      }
    }
  }

  @Test
  void resources_coreV1_listsEveryCoreResourceByName() {
    assertThat(CATALOG.resources(new GroupVersion("", "v1")))
        .extracting(ApiResource::name)
        .containsExactly(
            "bindings", "componentstatuses", "configmaps", "endpoints", "events", "limitranges", "namespaces",
            "nodes", "persistentvolumeclaims", "persistentvolumes", "pods", "podtemplates",
            "replicationcontrollers", "resourcequotas", "secrets", "serviceaccounts", "services");
  }

  @Test
  void resources_networkingV1_includesTheGaServiceCidrApis() {
    assertThat(CATALOG.resources(new GroupVersion("networking.k8s.io", "v1")))
        .extracting(ApiResource::name)
        .containsExactly("ingressclasses", "ingresses", "ipaddresses", "networkpolicies", "servicecidrs");
  }

  @Test
  void resources_disabledGroupVersion_isEmpty() {
    assertThat(CATALOG.resources(new GroupVersion("resource.k8s.io", "v1beta1"))).isEmpty();
    assertThat(CATALOG.resources(new GroupVersion("flowcontrol.apiserver.k8s.io", "v1beta3"))).isEmpty();
  }

  @Test
  void groups_autoscaling_prefersV2() {
    assertThat(CATALOG.groups())
        .filteredOn(g -> g.name().equals("autoscaling"))
        .singleElement()
        .extracting(g -> g.preferredVersion().groupVersion())
        .isEqualTo(new GroupVersion("autoscaling", "v2"));
  }

  @Test
  void subresource_podsEviction_isPolicyV1Eviction() {
    GroupVersionResource pods = new GroupVersionResource("", "v1", "pods");
    assertThat(CATALOG.subresource(pods, "eviction"))
        .contains(new Subresource("eviction", new GroupVersionKind("policy", "v1", "Eviction"), List.of("create")));
    assertThat(CATALOG.subresource(pods, "scale")).isEmpty();
  }

  @Test
  void scope_namespacedClusterAndUnknown_areTold() {
    assertThat(CATALOG.isNamespaced(new GroupResource("apps", "deployments"))).isTrue();
    assertThat(CATALOG.isNamespaced(new GroupResource("", "nodes"))).isFalse();
    assertThat(CATALOG.scope(new GroupResource("", "nodes"))).contains(Scope.CLUSTER);
    assertThat(CATALOG.isNamespaced(new GroupResource("example.com", "widgets"))).isFalse();
    assertThat(CATALOG.scope(new GroupResource("example.com", "widgets"))).isEmpty();
  }

  @Test
  void resourceFor_unknownKinds_areEmpty() {
    assertThat(CATALOG.resourceFor(new GroupVersionKind("example.com", "v1", "Foo"))).isEmpty();
    assertThat(CATALOG.resourceFor(new GroupVersionKind("apps", "v1beta1", "Deployment"))).isEmpty();
    assertThat(CATALOG.resourceFor(new GroupVersionKind("", "v1", "Eviction"))).isEmpty();
    assertThat(CATALOG.kindFor(new GroupVersionResource("apps", "v1", "deployment"))).isEmpty();
  }
}

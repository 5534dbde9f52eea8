package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.Unstructured;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fields {@link ServiceTypeChange#dropTypeDependentFields} clears, case by case as upstream's
 * {@code dropTypeDependentFields} ({@code pkg/registry/core/service/strategy.go}) decides.
 */
class ServiceTypeChangeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Case(String name, String oldSvc, String newSvc, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<Case> cases() {
    return Stream.of(
        new Case("to ExternalName with cluster IPs untouched: both dropped",
            "{'spec':{'type':'ClusterIP','clusterIP':'10.0.0.5','clusterIPs':['10.0.0.5']}}",
            "{'spec':{'type':'ExternalName','clusterIP':'10.0.0.5','clusterIPs':['10.0.0.5']}}",
            "{'spec':{'type':'ExternalName'}}"),
        new Case("to ExternalName with clusterIP changed but clusterIPs not: both kept",
            "{'spec':{'type':'ClusterIP','clusterIP':'10.0.0.5','clusterIPs':['10.0.0.5']}}",
            "{'spec':{'type':'ExternalName','clusterIP':'10.0.0.6','clusterIPs':['10.0.0.5']}}",
            "{'spec':{'type':'ExternalName','clusterIP':'10.0.0.6','clusterIPs':['10.0.0.5']}}"),
        new Case("leaving LoadBalancer: load-balancer status reset",
            "{'spec':{'type':'LoadBalancer'},'status':{'loadBalancer':{'ingress':[{'ip':'1.2.3.4'}]}}}",
            "{'spec':{'type':'NodePort'},'status':{'loadBalancer':{'ingress':[{'ip':'1.2.3.4'}]}}}",
            "{'spec':{'type':'NodePort'},'status':{'loadBalancer':{}}}"),
        new Case("staying LoadBalancer: load-balancer status kept",
            "{'spec':{'type':'LoadBalancer'},'status':{'loadBalancer':{'ingress':[{'ip':'1.2.3.4'}]}}}",
            "{'spec':{'type':'LoadBalancer'},'status':{'loadBalancer':{'ingress':[{'ip':'1.2.3.4'}]}}}",
            "{'spec':{'type':'LoadBalancer'},'status':{'loadBalancer':{'ingress':[{'ip':'1.2.3.4'}]}}}"),
        new Case("ClusterIP with a load-balancer status: reset without a type change",
            "{'spec':{'type':'ClusterIP'},'status':{'loadBalancer':{'ingress':[{'ip':'1.2.3.4'}]}}}",
            "{'spec':{'type':'ClusterIP'},'status':{'loadBalancer':{'ingress':[{'ip':'1.2.3.4'}]}}}",
            "{'spec':{'type':'ClusterIP'},'status':{'loadBalancer':{}}}"),
        new Case("leaving NodePort without new node ports: node ports dropped",
            "{'spec':{'type':'NodePort','ports':[{'port':80,'nodePort':30001}]}}",
            "{'spec':{'type':'ClusterIP','ports':[{'port':80,'nodePort':30001}]}}",
            "{'spec':{'type':'ClusterIP','ports':[{'port':80}]}}"),
        new Case("leaving NodePort with a new node port: node ports kept",
            "{'spec':{'type':'NodePort','ports':[{'port':80,'nodePort':30001}]}}",
            "{'spec':{'type':'ClusterIP','ports':[{'port':80,'nodePort':30002}]}}",
            "{'spec':{'type':'ClusterIP','ports':[{'port':80,'nodePort':30002}]}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dropTypeDependentFields_update_clearsWhatNoLongerApplies(Case c) {
    Unstructured oldSvc = parse(c.oldSvc());
    Unstructured newSvc = parse(c.newSvc());

    ServiceTypeChange.dropTypeDependentFields(newSvc, ServiceSpec.of(newSvc),
        ServiceSpec.of(oldSvc));

    assertThat(newSvc.object()).isEqualTo(parse(c.expected()).object());
  }

  @SuppressWarnings("unchecked")
  private static Unstructured parse(String json) {
    try {
      return Unstructured.copyOf(JSON.readValue(json.replace('\'', '"'), Map.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}

package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MediaTypesTest {

  private record Case(String accept, boolean aggregated) {
    @Override
    public String toString() {
      return accept.isEmpty() ? "(none)" : accept;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("", false),
        new Case("application/json", false),
        new Case("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json", true),
        new Case("application/json;as=APIGroupDiscoveryList;v=v2;g=apidiscovery.k8s.io", true),
        new Case("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json", false),
        new Case("application/json, application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", false),
        new Case("*/*", false),
        new Case("application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void prefersAggregatedDiscovery_acceptHeader_firstServableRangeDecides(Case c) {
    assertThat(MediaTypes.prefersAggregatedDiscovery(c.accept())).isEqualTo(c.aggregated());
  }
}

package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VertxTransportSizingTest {

  @ParameterizedTest
  @CsvSource({"1, 1", "2, 1", "3, 1", "4, 2", "5, 2", "64, 2"})
  void eventLoops_halfTheCores_betweenOneAndTwo(int cores, int loops) {
    assertThat(VertxTransport.eventLoops(cores)).isEqualTo(loops);
  }
}

package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** SARIF output is byte-for-byte reproducible: locations keep a fixed key order. */
class SarifLocationOrderTest {

  @Test
  void admit_sarif_locationKeysInFixedOrder() {
    StringWriter out = new StringWriter();
    Gatehouse.run(new String[] {"admit", "--policy", "../examples/policies", "--cluster",
        "../examples/cluster", "--resource", "../examples/resources", "-o", "sarif"},
        new PrintWriter(out), new PrintWriter(new StringWriter()));
    String sarif = out.toString();
    int artifact = sarif.indexOf("\"artifactLocation\"");
    int region = sarif.indexOf("\"region\"");
    assertThat(artifact).isPositive();
    assertThat(region).isGreaterThan(artifact);
    assertThat(sarif.indexOf("\"region\"", region + 1))
        .isGreaterThan(sarif.indexOf("\"artifactLocation\"", artifact + 1));
  }
}

package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NetLibrariesVersionTest {

  private record Case(String name, int server, EnvironmentType type, boolean available) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> versions() {
    return Stream.of(
        new Case("1.29 stored", 29, EnvironmentType.STORED_EXPRESSIONS, false),
        new Case("1.30 new expressions (compat 1.29)", 30, EnvironmentType.NEW_EXPRESSIONS, false),
        new Case("1.30 stored", 30, EnvironmentType.STORED_EXPRESSIONS, true),
        new Case("1.31 new expressions (compat 1.30)", 31, EnvironmentType.NEW_EXPRESSIONS, true),
        new Case("1.33 new expressions", 33, EnvironmentType.NEW_EXPRESSIONS, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void compile_ipAndCidrCalls_availableFromCompatibility130(Case c) {
    Evaluator cel = Evaluator.of(
        Environment.builder(KubernetesVersion.of(1, c.server()), c.type()).build());

    if (c.available()) {
      assertThat(cel.compile("isIP('10.0.0.1') && isCIDR('10.0.0.0/8')").outputType().name())
          .isEqualTo("bool");
    } else {
      assertThat(cel.compileError("isIP('10.0.0.1')")).contains("undeclared reference to 'isIP'");
      assertThat(cel.compileError("isCIDR('10.0.0.0/8')"))
          .contains("undeclared reference to 'isCIDR'");
    }
  }
}

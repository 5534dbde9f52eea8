package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthorizationModesTest {

  private record Case(String name, Optional<List<String>> modes, boolean config, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("default", Optional.empty(), false, List.of()),
        new Case("node and rbac", Optional.of(List.of("Node", "RBAC")), false, List.of()),
        new Case("config alone", Optional.empty(), true, List.of()),
        new Case("config and modes", Optional.of(List.of("RBAC")), true, List.of(
            "--authorization-config can not be specified when --authorization-mode or "
                + "--authorization-webhook-* flags are defined")),
        new Case("empty", Optional.of(List.of()), false,
            List.of("at least one authorization-mode must be passed")),
        new Case("unknown and repeated", Optional.of(List.of("RBAC", "Foo", "RBAC")), false, List.of(
            "authorization-mode \"Foo\" is not a valid mode",
            "authorization-mode [\"RBAC\" \"Foo\" \"RBAC\"] has mode specified more than once")),
        new Case("webhook and abac need files", Optional.of(List.of("Webhook", "ABAC")), false, List.of(
            "authorization-mode Webhook's authorization config file not passed",
            "authorization-mode ABAC's authorization policy file not passed")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_table_kubeApiServerTexts(Case c) {
    assertThat(AuthorizationModes.validate(c.modes(), c.config())).isEqualTo(c.errors());
  }
}

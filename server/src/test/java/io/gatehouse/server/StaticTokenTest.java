package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.authentication.AuthenticationResult;
import io.gatehouse.auth.authentication.TokenFileAuthenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The token lines {@link KubectlServer} writes are read back as the users they describe. */
class StaticTokenTest {

  private record Case(String name, StaticToken token, String line) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("no groups", new StaticToken("alice-token", "alice", "1001", List.of()),
            "alice-token,alice,1001"),
        new Case("one group", new StaticToken("bob-token", "bob", "1002", List.of("devs")),
            "bob-token,bob,1002,\"devs\""),
        new Case("groups with a colon", new StaticToken("node-token", "system:node:n1", "3001",
            List.of("system:nodes", "qa")), "node-token,system:node:n1,3001,\"system:nodes,qa\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void csvLine_readByTheTokenFile_authenticatesTheUser(Case c, @TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("tokens.csv"), c.token().csvLine() + "\n");

    AuthenticationResult result =
        TokenFileAuthenticator.read(file).authenticateToken(c.token().token());

    assertThat(c.token().csvLine()).isEqualTo(c.line());
    assertThat(result).isEqualTo(new AuthenticationResult.Authenticated(new UserInfo(
        c.token().user(), c.token().uid(), c.token().groups(), Map.of())));
  }
}

package io.gatehouse.auth.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokenFileAuthenticatorTest {

  private record Case(String name, String file, String token, AuthenticationResult expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static AuthenticationResult user(String name, String uid, String... groups) {
    return new AuthenticationResult.Authenticated(new UserInfo(name, uid, List.of(groups), Map.of()));
  }

  // Records as upstream's tokenfile_test.go writes them.
  static Stream<Case> cases() {
    String file = """
        token1,user1,uid1
        token2,user2,uid2
        token3,user3,uid3,"group1,group2"
        token4,user4,uid4,"group2"
        token5,user5,uid5,group5
        token6,user6,uid6,group5,otherdata
        token7,user7,uid7,"group1,group2",otherdata
        """;
    return Stream.of(
        new Case("no groups", file, "token1", user("user1", "uid1")),
        new Case("second record", file, "token2", user("user2", "uid2")),
        new Case("quoted groups split at commas", file, "token3", user("user3", "uid3", "group1", "group2")),
        new Case("quoted single group", file, "token4", user("user4", "uid4", "group2")),
        new Case("unquoted group", file, "token5", user("user5", "uid5", "group5")),
        new Case("extra columns ignored", file, "token6", user("user6", "uid6", "group5")),
        new Case("extra columns after quoted groups", file, "token7", user("user7", "uid7", "group1", "group2")),
        new Case("unknown token", file, "token8", new AuthenticationResult.NotApplicable()),
        new Case("groups are not trimmed", "t,u,i,\"a, b\"\n", "t", user("u", "i", "a", " b")),
        new Case("empty token skipped", ",u,i\nt,v,j\n", "", new AuthenticationResult.NotApplicable()),
        new Case("duplicate token: last wins", "t,first,1\nt,second,2\n", "t", user("second", "2")),
        new Case("blank lines and CRLF", "\r\nt,u,i\r\n\r\n", "t", user("u", "i")),
        new Case("quoted quote in name", "t,\"a \"\"b\"\"\",i\n", "t", user("a \"b\"", "i")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void authenticateToken_fileRecords_matchUpstream(Case c) {
    assertThat(TokenFileAuthenticator.parse("tokens.csv", c.file()).authenticateToken(c.token()))
        .isEqualTo(c.expected());
  }

  @Test
  void parse_twoColumns_failsWithUpstreamText() {
    assertThatThrownBy(() -> TokenFileAuthenticator.parse("tokens.csv", "t,u\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token file 'tokens.csv' must have at least 3 columns (token, user name, user uid), found 2");
  }

  @Test
  void parse_bareQuote_failsWithCsvPosition() {
    assertThatThrownBy(() -> TokenFileAuthenticator.parse("tokens.csv", "t,u\"x,i\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parse error on line 1, column 4: bare \" in non-quoted-field");
  }

  @Test
  void toString_containsNoToken() {
    assertThat(TokenFileAuthenticator.parse("f", "s3cret,u,i\n").toString())
        .doesNotContain("s3cret").contains("1 tokens");
  }
}

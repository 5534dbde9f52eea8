package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.cel.MatchConditionCompiler;
import io.gatehouse.cel.KubernetesVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadableAuthorizerTest {

  private static final MatchConditionCompiler COMPILER =
      MatchConditionCompiler.create(KubernetesVersion.DEFAULT);
  private static final Authorizer RBAC_ALLOWS_ALICE = a -> AuthorizationResult.of(
      a.user().name().equals("alice") ? Decision.ALLOW : Decision.NO_OPINION, "");
  private static final Authorizer NODE = a -> AuthorizationResult.of(Decision.NO_OPINION, "");
  private static final RequestAttributes BOB_GETS_PODS = RequestAttributes.resource(
      UserInfo.of("bob", "system:authenticated"), "get", "default", "", "v1", "pods", "", "p");

  @TempDir Path dir;

  private final AuthorizationConfigMetrics metrics = new AuthorizationConfigMetrics("apiserver-x",
      Clock.fixed(Instant.ofEpochSecond(1689101941), ZoneOffset.UTC));

  private Path write(String authorizers) throws Exception {
    return Files.writeString(dir.resolve("authz.yaml"), """
        apiVersion: apiserver.config.k8s.io/v1
        kind: AuthorizationConfiguration
        authorizers:
        """ + authorizers);
  }

  private ReloadableAuthorizer load(Path file) {
    return ReloadableAuthorizer.load(file, COMPILER, () -> RBAC_ALLOWS_ALICE, () -> NODE, metrics);
  }

  @Test
  void load_invalidFile_everyErrorWithItsPath() throws Exception {
    Path file = write("""
        - type: RBAC
          name: wrong
        - type: Unknown
          name: x
        """);
    assertThatThrownBy(() -> load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid --authorization-config " + file + ":\n"
            + "  authorizers[1].type: Unsupported value: \"Unknown\": supported values: "
            + "\"ABAC\", \"AlwaysAllow\", \"AlwaysDeny\", \"Node\", \"RBAC\", \"Webhook\"");
  }

  @Test
  void checkFile_newValidFile_swapsTheChainAndCountsASuccess() throws Exception {
    Path file = write("- {type: RBAC, name: rbac}\n");
    try (ReloadableAuthorizer authorizer = load(file)) {
      assertThat(authorizer.authorize(BOB_GETS_PODS).decision()).isEqualTo(Decision.NO_OPINION);
      write("- {type: AlwaysAllow, name: alwaysallow}\n- {type: RBAC, name: rbac}\n");
      authorizer.checkFile();
      assertThat(authorizer.authorize(BOB_GETS_PODS).decision()).isEqualTo(Decision.ALLOW);
      assertThat(metrics.reloads("success")).isEqualTo(1);
      authorizer.checkFile();
      assertThat(metrics.reloads("success")).isEqualTo(1);
    }
  }

  @Test
  void checkFile_invalidOrIncompatibleFile_keepsTheLastGoodChainAndCountsFailures() throws Exception {
    Path file = write("- {type: AlwaysAllow, name: alwaysallow}\n- {type: RBAC, name: rbac}\n");
    try (ReloadableAuthorizer authorizer = load(file)) {
      write("- {type: AlwaysDeny, name: wrong}\n- {type: RBAC, name: rbac}\n");
      authorizer.checkFile();
      write("- {type: AlwaysDeny, name: alwaysdeny}\n");
      authorizer.checkFile();
      write("- {type: Node, name: node}\n- {type: RBAC, name: rbac}\n");
      authorizer.checkFile();
      assertThat(authorizer.authorize(BOB_GETS_PODS).decision()).isEqualTo(Decision.ALLOW);
      assertThat(metrics.reloads("failure")).isEqualTo(3);
      assertThat(metrics.exposition()).isEqualTo("""
          # HELP apiserver_authorization_config_controller_automatic_reloads_total [BETA] Total \
          number of automatic reloads of authorization configuration split by status and \
          apiserver identity.
          # TYPE apiserver_authorization_config_controller_automatic_reloads_total counter
          apiserver_authorization_config_controller_automatic_reloads_total{apiserver_id_hash=\
          "sha256:%1$s",status="failure"} 3
          # HELP apiserver_authorization_config_controller_automatic_reload_last_timestamp_seconds \
          [BETA] Timestamp of the last automatic reload of authorization configuration split by \
          status and apiserver identity.
          # TYPE apiserver_authorization_config_controller_automatic_reload_last_timestamp_seconds gauge
          apiserver_authorization_config_controller_automatic_reload_last_timestamp_seconds{\
          apiserver_id_hash="sha256:%1$s",status="failure"} 1.689101941e+09
          """.formatted("b25bbe6a8fb4631cebbf41002a2d7be5475c4b57fe098590eab4dd9f5a2dbb37"));
    }
  }

  @Test
  void watch_fileRewritten_reloadedWithinASecond() throws Exception {
    Path file = write("- {type: RBAC, name: rbac}\n");
    try (ReloadableAuthorizer authorizer = load(file)) {
      authorizer.watch(Duration.ofMillis(200));
      write("- {type: AlwaysAllow, name: alwaysallow}\n- {type: RBAC, name: rbac}\n");
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (authorizer.authorize(BOB_GETS_PODS).decision() != Decision.ALLOW
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(authorizer.authorize(BOB_GETS_PODS).decision()).isEqualTo(Decision.ALLOW);
    }
  }
}

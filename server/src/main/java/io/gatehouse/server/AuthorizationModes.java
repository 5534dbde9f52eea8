package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.auth.AlwaysAllowAuthorizer;
import io.gatehouse.auth.AlwaysDenyAuthorizer;
import io.gatehouse.auth.AuthorizerChain;
import io.gatehouse.auth.config.AuthorizerConfiguration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * kube-apiserver's {@code --authorization-mode} and its checks against {@code
 * --authorization-config} ({@code BuiltInAuthorizationOptions.Validate}), with upstream's texts.
 * Gatehouse has neither {@code --authorization-policy-file} nor {@code
 * --authorization-webhook-config-file}, so the modes {@code ABAC} and {@code Webhook} always fail
 * as upstream does without those files (webhooks are configured with {@code
 * --authorization-config}). Stateless.
 */
final class AuthorizationModes {

  /** Upstream's {@code AuthorizationModeChoices}. */
  static final List<String> CHOICES = List.of(AuthorizerConfiguration.ALWAYS_ALLOW,
      AuthorizerConfiguration.ALWAYS_DENY, AuthorizerConfiguration.ABAC,
      AuthorizerConfiguration.WEBHOOK, AuthorizerConfiguration.RBAC, AuthorizerConfiguration.NODE);

  /** Gatehouse's default when neither flag is given (kube-apiserver's is AlwaysAllow). */
  static final List<String> DEFAULT = List.of(AuthorizerConfiguration.RBAC);

  private AuthorizationModes() {}

  /**
   * Returns every error in the combination.
   *
   * @param modes the {@code --authorization-mode} list, empty when the flag was not given
   * @param configGiven whether {@code --authorization-config} was given
   */
  static List<String> validate(Optional<List<String>> modes, boolean configGiven) {
    List<String> errors = new ArrayList<>();
    if (configGiven) {
      if (modes.isPresent()) {
        errors.add("--authorization-config can not be specified when --authorization-mode or "
            + "--authorization-webhook-* flags are defined");
      }
      return errors;
    }
    List<String> list = modes.orElse(DEFAULT);
    if (list.isEmpty()) {
      errors.add("at least one authorization-mode must be passed");
    }
    for (String mode : list) {
      if (!CHOICES.contains(mode)) {
        errors.add("authorization-mode " + GoQuote.quote(mode) + " is not a valid mode");
      }
      if (mode.equals(AuthorizerConfiguration.ABAC)) {
        errors.add("authorization-mode ABAC's authorization policy file not passed");
      }
      if (mode.equals(AuthorizerConfiguration.WEBHOOK)) {
        errors.add("authorization-mode Webhook's authorization config file not passed");
      }
    }
    if (new HashSet<>(list).size() != list.size()) {
      errors.add("authorization-mode " + GoQuote.quote(list) + " has mode specified more than once");
    }
    return errors;
  }

  /**
   * The chain for valid modes: {@code system:masters}, then each mode's authorizer, named as
   * upstream's {@code buildAuthorizationConfiguration} names them (the mode in lower case).
   */
  static AuthorizerChain chain(List<String> modes, Authorizer rbac, Authorizer node) {
    List<AuthorizerChain.Entry> entries = new ArrayList<>();
    for (String mode : modes) {
      Authorizer a = switch (mode) {
        case AuthorizerConfiguration.RBAC -> rbac;
        case AuthorizerConfiguration.NODE -> node;
        case AuthorizerConfiguration.ALWAYS_ALLOW -> AlwaysAllowAuthorizer.INSTANCE;
        case AuthorizerConfiguration.ALWAYS_DENY -> AlwaysDenyAuthorizer.INSTANCE;
        default -> throw new IllegalArgumentException("unsupported authorization mode " + mode);
      };
      entries.add(new AuthorizerChain.Entry(mode, mode.toLowerCase(Locale.ROOT), a));
    }
    return AuthorizerChain.of(entries);
  }
}

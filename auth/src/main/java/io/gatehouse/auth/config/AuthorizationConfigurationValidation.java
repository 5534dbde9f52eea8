package io.gatehouse.auth.config;

import io.gatehouse.api.validation.NameValidation;
import io.gatehouse.auth.cel.CompiledMatchCondition;
import io.gatehouse.auth.cel.MatchConditionCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a configuration as kube-apiserver does at start-up: upstream's {@code
 * ValidateAuthorizationConfiguration} (every error, with its field path), then kube-apiserver's own
 * checks ({@code expected name rbac for authorizer RBAC instead of …}). Known types are
 * kube-apiserver's modes; only {@code Webhook} may repeat.
 *
 * <p>Note upstream's paths: a webhook's fields are reported under the authorizer, not under {@code
 * webhook} ({@code authorizers[0].timeout}), because upstream passes the authorizer's path on.
 *
 * <p>Stateless; thread-safe. Checking {@code kubeConfigFile} reads the file system.
 */
public final class AuthorizationConfigurationValidation {

  /** kube-apiserver's {@code AuthorizationModeChoices}, sorted as {@code sets.List} prints them. */
  static final List<String> KNOWN_TYPES =
      List.of("ABAC", "AlwaysAllow", "AlwaysDeny", "Node", "RBAC", "Webhook");

  private static final int MAX_MATCH_CONDITIONS = 64;

  private AuthorizationConfigurationValidation() {}

  /** Returns every field error of {@code c}, in upstream's order. */
  public static List<FieldError> validate(AuthorizationConfiguration c, MatchConditionCompiler compiler) {
    List<FieldError> errors = new ArrayList<>();
    if (c.authorizers().isEmpty()) {
      errors.add(FieldError.required("authorizers", "at least one authorization mode must be defined"));
    }
    Set<String> seenTypes = new HashSet<>();
    Set<String> seenNames = new HashSet<>();
    for (int i = 0; i < c.authorizers().size(); i++) {
      AuthorizerConfiguration a = c.authorizers().get(i);
      String path = "authorizers[" + i + "]";
      if (a.type().isEmpty()) {
        errors.add(FieldError.required(path + ".type", ""));
        continue;
      }
      if (!KNOWN_TYPES.contains(a.type())) {
        errors.add(FieldError.notSupported(path + ".type", io.gatehouse.api.GoQuote.quote(a.type()), KNOWN_TYPES));
        continue;
      }
      if (seenTypes.contains(a.type()) && !a.type().equals(AuthorizerConfiguration.WEBHOOK)) {
        errors.add(FieldError.duplicate(path + ".type", a.type()));
        continue;
      }
      seenTypes.add(a.type());
      if (a.name().isEmpty()) {
        errors.add(FieldError.required(path + ".name", ""));
      } else if (seenNames.contains(a.name())) {
        errors.add(FieldError.duplicate(path + ".name", a.name()));
      } else {
        List<String> nameErrors = NameValidation.isDns1123Subdomain(a.name());
        if (!nameErrors.isEmpty()) {
          errors.add(FieldError.invalid(path + ".name", a.name(),
              "authorizer name is invalid: " + String.join(", ", nameErrors)));
        }
      }
      seenNames.add(a.name());
      if (a.type().equals(AuthorizerConfiguration.WEBHOOK)) {
        if (a.webhook() == null) {
          errors.add(FieldError.required(path + ".webhook", "required when type=Webhook"));
          continue;
        }
        errors.addAll(validateWebhook(path, a.webhook(), compiler));
      } else if (a.webhook() != null) {
        errors.add(FieldError.invalid(path + ".webhook", "non-null", "may only be specified when type=Webhook"));
      }
    }
    return errors;
  }

  private static List<FieldError> validateWebhook(
      String path, WebhookConfiguration w, MatchConditionCompiler compiler) {
    List<FieldError> errors = new ArrayList<>();
    if (w.timeout().isZero()) {
      errors.add(FieldError.required(path + ".timeout", ""));
    } else if (w.timeout().compareTo(Duration.ofSeconds(30)) > 0 || w.timeout().isNegative()) {
      errors.add(FieldError.invalid(path + ".timeout", GoDurations.format(w.timeout()),
          "must be > 0s and <= 30s"));
    }
    ttl(errors, path + ".authorizedTTL", w.authorizedTTL());
    ttl(errors, path + ".unauthorizedTTL", w.unauthorizedTTL());
    switch (w.subjectAccessReviewVersion()) {
      case "" -> errors.add(FieldError.required(path + ".subjectAccessReviewVersion", ""));
      case "v1", "v1beta1" -> { }
      default -> errors.add(FieldError.notSupported(path + ".subjectAccessReviewVersion",
          io.gatehouse.api.GoQuote.quote(w.subjectAccessReviewVersion()), List.of("v1", "v1beta1")));
    }
    switch (w.matchConditionSubjectAccessReviewVersion()) {
      case "" -> {
        if (!w.matchConditions().isEmpty()) {
          errors.add(FieldError.required(path + ".matchConditionSubjectAccessReviewVersion",
              "required if match conditions are specified"));
        }
      }
      case "v1" -> { }
      default -> errors.add(FieldError.notSupported(path + ".matchConditionSubjectAccessReviewVersion",
          io.gatehouse.api.GoQuote.quote(w.matchConditionSubjectAccessReviewVersion()), List.of("v1")));
    }
    switch (w.failurePolicy()) {
      case "" -> errors.add(FieldError.required(path + ".failurePolicy", ""));
      case WebhookConfiguration.NO_OPINION, WebhookConfiguration.DENY -> { }
      default -> errors.add(FieldError.notSupported(path + ".failurePolicy",
          io.gatehouse.api.GoQuote.quote(w.failurePolicy()), List.of("NoOpinion", "Deny")));
    }
    connection(errors, path + ".connectionInfo", w.connectionInfo());
    errors.addAll(matchConditions(path, w.matchConditions(), compiler));
    return errors;
  }

  private static void ttl(List<FieldError> errors, String field, Duration ttl) {
    if (ttl.isZero()) {
      errors.add(FieldError.required(field, ""));
    } else if (ttl.isNegative()) {
      errors.add(FieldError.invalid(field, GoDurations.format(ttl), "must be > 0s"));
    }
  }

  private static void connection(List<FieldError> errors, String path, WebhookConnectionInfo c) {
    String file = c.kubeConfigFile();
    switch (c.type()) {
      case "" -> errors.add(FieldError.required(path + ".type", ""));
      case WebhookConnectionInfo.IN_CLUSTER_CONFIG -> {
        if (file != null) {
          errors.add(FieldError.invalid(path + ".kubeConfigFile", file,
              "can only be set when type=KubeConfigFile"));
        }
      }
      case WebhookConnectionInfo.KUBE_CONFIG_FILE -> {
        if (file == null || file.isEmpty()) {
          errors.add(FieldError.required(path + ".kubeConfigFile", ""));
        } else if (!Path.of(file).isAbsolute()) {
          errors.add(FieldError.invalid(path + ".kubeConfigFile", file, "must be an absolute path"));
        } else if (!Files.exists(Path.of(file))) {
          errors.add(FieldError.invalid(path + ".kubeConfigFile", file,
              "error loading file: stat " + file + ": no such file or directory"));
        } else if (!Files.isRegularFile(Path.of(file))) {
          errors.add(FieldError.invalid(path + ".kubeConfigFile", file, "must be a regular file"));
        }
      }
      default -> errors.add(FieldError.notSupported(path + ".type", c.goSyntax(),
          List.of(WebhookConnectionInfo.IN_CLUSTER_CONFIG, WebhookConnectionInfo.KUBE_CONFIG_FILE)));
    }
  }

  /** Validates and compiles; returns the errors (compiled conditions come from {@link #compile}). */
  private static List<FieldError> matchConditions(
      String path, List<String> conditions, MatchConditionCompiler compiler) {
    List<FieldError> errors = new ArrayList<>();
    if (conditions.size() > MAX_MATCH_CONDITIONS) {
      errors.add(FieldError.tooMany(path + ".matchConditions", conditions.size(), MAX_MATCH_CONDITIONS));
      return errors;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < conditions.size(); i++) {
      String field = path + ".matchConditions[" + i + "].expression";
      String expression = conditions.get(i);
      if (expression.strip().isEmpty()) {
        errors.add(FieldError.required(field, ""));
        continue;
      }
      if (!seen.add(expression)) {
        errors.add(FieldError.duplicate(field, expression));
        continue;
      }
      if (compiler.compile(expression) instanceof CompiledMatchCondition.Invalid invalid) {
        errors.add(invalid.internal()
            ? new FieldError(FieldError.Type.INTERNAL, field, null, invalid.detail())
            : FieldError.invalid(field, expression, invalid.detail()));
      }
    }
    return errors;
  }

  /**
   * kube-apiserver's checks after validation ({@code LoadAndValidateFile}): a non-webhook
   * authorizer must be named after its type in lower case. Returns upstream's texts.
   */
  public static List<String> kubeApiServerErrors(AuthorizationConfiguration c) {
    List<String> errors = new ArrayList<>();
    for (AuthorizerConfiguration a : c.authorizers()) {
      if (a.type().equals(AuthorizerConfiguration.WEBHOOK)) {
        continue;
      }
      String expected = a.type().toLowerCase(java.util.Locale.ROOT);
      if (!expected.equals(a.name())) {
        errors.add("expected name " + expected + " for authorizer " + a.type() + " instead of " + a.name());
      }
    }
    return errors;
  }
}

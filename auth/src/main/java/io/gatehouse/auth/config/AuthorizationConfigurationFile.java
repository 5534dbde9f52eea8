package io.gatehouse.auth.config;

import io.gatehouse.auth.cel.MatchConditionCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads and validates an {@code --authorization-config} file as kube-apiserver's {@code
 * LoadAndValidateFile}: decode errors are prefixed {@code failed to load AuthorizationConfiguration
 * from file: }; then every field error, then kube-apiserver's naming errors. Gatehouse reports
 * each error on its own (upstream prints them aggregated, {@code [a, b]}; {@link
 * Invalid#aggregated()} gives that text).
 *
 * <p>Stateless; thread-safe.
 */
public final class AuthorizationConfigurationFile {

  private AuthorizationConfigurationFile() {}

  /** The outcome. */
  public sealed interface Result {}

  /**
   * A usable configuration.
   *
   * @param configuration the defaulted, valid configuration
   */
  public record Valid(AuthorizationConfiguration configuration) implements Result {}

  /**
   * A configuration kube-apiserver would refuse to start with.
   *
   * @param errors every error text, in upstream's order
   * @param fieldErrors the field errors among them (empty when decoding failed)
   */
  public record Invalid(List<String> errors, List<FieldError> fieldErrors) implements Result {
    /** Copies the lists. */
    public Invalid {
      errors = List.copyOf(errors);
      fieldErrors = List.copyOf(fieldErrors);
    }

    /** Returns the errors as upstream's aggregate prints them. */
    public String aggregated() {
      return io.gatehouse.auth.Aggregate.message(errors);
    }
  }

  /** Loads and validates {@code file}, compiling matchConditions with {@code compiler}. */
  public static Result load(Path file, MatchConditionCompiler compiler) {
    return check(AuthorizationConfigurationLoader.load(file), compiler);
  }

  /** Decodes and validates {@code bytes} read from {@code source}. */
  public static Result decode(String source, byte[] bytes, MatchConditionCompiler compiler) {
    return check(AuthorizationConfigurationLoader.decode(source, bytes), compiler, Set.of());
  }

  /**
   * Decodes and validates {@code bytes} as kube-apiserver does when it reloads the file: the
   * non-webhook authorizer types the server started with must all be present ({@code missing
   * required types: [Node RBAC]}).
   *
   * @param requiredNonWebhookTypes the types of the initial configuration other than Webhook
   */
  public static Result decode(String source, byte[] bytes, MatchConditionCompiler compiler,
      Set<String> requiredNonWebhookTypes) {
    return check(AuthorizationConfigurationLoader.decode(source, bytes), compiler,
        requiredNonWebhookTypes);
  }

  private static Result check(LoadResult loaded, MatchConditionCompiler compiler) {
    return check(loaded, compiler, Set.of());
  }

  private static Result check(LoadResult loaded, MatchConditionCompiler compiler,
      Set<String> requiredNonWebhookTypes) {
    return switch (loaded) {
      case LoadResult.Failed f -> new Invalid(
          List.of("failed to load AuthorizationConfiguration from file: " + f.message()), List.of());
      case LoadResult.Loaded l -> {
        List<FieldError> fieldErrors =
            AuthorizationConfigurationValidation.validate(l.configuration(), compiler);
        if (!fieldErrors.isEmpty()) {
          yield new Invalid(fieldErrors.stream().map(FieldError::message).toList(), fieldErrors);
        }
        List<String> errors = new ArrayList<>(
            AuthorizationConfigurationValidation.kubeApiServerErrors(l.configuration()));
        for (AuthorizerConfiguration a : l.configuration().authorizers()) {
          if (a.type().equals(AuthorizerConfiguration.ABAC)) {
            errors.add("authorizer " + a.name() + ": type ABAC is not supported by Gatehouse");
          } else if (a.webhook() != null && a.webhook().connectionInfo().type()
              .equals(WebhookConnectionInfo.IN_CLUSTER_CONFIG)) {
            errors.add("authorizer " + a.name()
                + ": connectionInfo.type InClusterConfig is not allowed for kube-apiserver");
          }
        }
        Set<String> missing = new TreeSet<>(requiredNonWebhookTypes);
        l.configuration().authorizers().forEach(a -> missing.remove(a.type()));
        if (!missing.isEmpty()) {
          errors.add("missing required types: [" + String.join(" ", missing) + "]");
        }
        yield errors.isEmpty() ? new Valid(l.configuration()) : new Invalid(errors, List.of());
      }
    };
  }
}

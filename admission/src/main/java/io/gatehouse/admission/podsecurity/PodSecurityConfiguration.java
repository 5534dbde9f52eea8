package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code PodSecurity} admission plugin's configuration ({@code PodSecurityConfiguration} of
 * {@code pod-security.admission.config.k8s.io/v1}, {@code v1beta1} or {@code v1alpha1}), after
 * defaulting: every empty level defaults to {@code privileged}, every empty version to {@code
 * latest}.
 *
 * <p>Immutable. Use {@link #initializationError()} before use: kube-apiserver refuses to start with
 * a configuration it reports.
 *
 * @param defaults the policy of namespaces without labels
 * @param exemptions who and what is never checked
 */
public record PodSecurityConfiguration(Defaults defaults, Exemptions exemptions) {

  /** The configuration kube-apiserver uses when none is given. */
  public static final PodSecurityConfiguration DEFAULT =
      new PodSecurityConfiguration(
          new Defaults("", "", "", "", "", ""), new Exemptions(List.of(), List.of(), List.of()));

  /**
   * The policy of unlabelled namespaces, as the raw strings of the file (after defaulting).
   *
   * @param enforce {@code enforce}
   * @param enforceVersion {@code enforce-version}
   * @param audit {@code audit}
   * @param auditVersion {@code audit-version}
   * @param warn {@code warn}
   * @param warnVersion {@code warn-version}
   */
  public record Defaults(
      String enforce,
      String enforceVersion,
      String audit,
      String auditVersion,
      String warn,
      String warnVersion) {

    /** Applies upstream's defaulting: empty levels become privileged, empty versions latest. */
    public Defaults {
      enforce = enforce.isEmpty() ? Level.PRIVILEGED.wire() : enforce;
      audit = audit.isEmpty() ? Level.PRIVILEGED.wire() : audit;
      warn = warn.isEmpty() ? Level.PRIVILEGED.wire() : warn;
      enforceVersion = enforceVersion.isEmpty() ? "latest" : enforceVersion;
      auditVersion = auditVersion.isEmpty() ? "latest" : auditVersion;
      warnVersion = warnVersion.isEmpty() ? "latest" : warnVersion;
    }
  }

  /**
   * Requests that are never checked; each matches exactly.
   *
   * @param usernames authenticated user names
   * @param namespaces namespaces
   * @param runtimeClasses {@code spec.runtimeClassName} values
   */
  public record Exemptions(
      List<String> usernames, List<String> namespaces, List<String> runtimeClasses) {

    /** Copies the lists. */
    public Exemptions {
      usernames = List.copyOf(usernames);
      namespaces = List.copyOf(namespaces);
      runtimeClasses = List.copyOf(runtimeClasses);
    }
  }

  /**
   * Returns the error kube-apiserver fails to start with, as the plugin's {@code
   * ValidateInitialization} words it: {@code PodSecurity configuration error: …} for defaults that
   * do not parse, else {@code PodSecurity invalid: …} for {@link #validate()} errors; empty when
   * the configuration is usable.
   */
  public Optional<String> initializationError() {
    List<String> policyErrors = policyErrors();
    if (!policyErrors.isEmpty()) {
      return Optional.of("PodSecurity configuration error: " + Aggregates.message(policyErrors));
    }
    List<FieldError> errors = validate();
    if (!errors.isEmpty()) {
      return Optional.of("PodSecurity invalid: " + Aggregates.ofFieldErrors(errors));
    }
    return Optional.empty();
  }

  /**
   * Validates as upstream's {@code ValidatePodSecurityConfiguration}: levels and versions of the
   * defaults; exempt namespaces (DNS labels), runtime classes (DNS subdomains) and user names
   * (non-empty), each without duplicates.
   */
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    level(errors, "defaults.enforce", defaults.enforce());
    version(errors, "defaults.enforce-version", defaults.enforceVersion());
    level(errors, "defaults.warn", defaults.warn());
    version(errors, "defaults.warn-version", defaults.warnVersion());
    level(errors, "defaults.audit", defaults.audit());
    version(errors, "defaults.audit-version", defaults.auditVersion());
    names(errors, "exemptions.namespaces", exemptions.namespaces(), DnsNames::label);
    names(errors, "exemptions.runtimeClasses", exemptions.runtimeClasses(), DnsNames::subdomain);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < exemptions.usernames().size(); i++) {
      String name = exemptions.usernames().get(i);
      String path = "exemptions.usernames[" + i + "]";
      if (name.isEmpty()) {
        errors.add(FieldError.required(path));
      } else if (!seen.add(name)) {
        errors.add(FieldError.duplicate(path, name));
      }
    }
    return errors;
  }

  /**
   * Returns the default policy.
   *
   * @throws IllegalStateException if the defaults do not parse (see {@link #initializationError})
   */
  public Policy defaultPolicy() {
    List<String> errors = policyErrors();
    if (!errors.isEmpty()) {
      throw new IllegalStateException(Aggregates.message(errors));
    }
    return new Policy(
        new LevelVersion(Level.parse(defaults.enforce()), Version.parse(defaults.enforceVersion())),
        new LevelVersion(Level.parse(defaults.audit()), Version.parse(defaults.auditVersion())),
        new LevelVersion(Level.parse(defaults.warn()), Version.parse(defaults.warnVersion())));
  }

  /** Upstream's {@code ToPolicy} errors, e.g. {@code Enforce.Level: must be one of …}. */
  private List<String> policyErrors() {
    List<String> errors = new ArrayList<>(0);
    if (Level.fromWire(defaults.enforce()).isEmpty()) {
      errors.add("Enforce.Level: " + Level.INVALID);
    }
    if (Version.tryParse(defaults.enforceVersion()).isEmpty()) {
      errors.add("Enforce.Version: " + Version.INVALID);
    }
    if (Level.fromWire(defaults.audit()).isEmpty()) {
      errors.add("Audit.Level: " + Level.INVALID);
    }
    if (Version.tryParse(defaults.auditVersion()).isEmpty()) {
      errors.add("Audit.Version: " + Version.INVALID);
    }
    if (Level.fromWire(defaults.warn()).isEmpty()) {
      errors.add("Warn.Level: " + Level.INVALID);
    }
    if (Version.tryParse(defaults.warnVersion()).isEmpty()) {
      errors.add("Warn.Version: " + Version.INVALID);
    }
    return errors;
  }

  private static void level(List<FieldError> errors, String path, String value) {
    if (Level.fromWire(value).isEmpty()) {
      errors.add(FieldError.invalid(path, value, Level.INVALID));
    }
  }

  private static void version(List<FieldError> errors, String path, String value) {
    if (Version.tryParse(value).isEmpty()) {
      errors.add(FieldError.invalid(path, value, Version.INVALID));
    }
  }

  private static void names(
      List<FieldError> errors,
      String path,
      List<String> values,
      java.util.function.Function<String, List<String>> validator) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      List<String> problems = validator.apply(value);
      String at = path + "[" + i + "]";
      if (!problems.isEmpty()) {
        errors.add(FieldError.invalid(at, value, String.join(", ", problems)));
      } else if (!seen.add(value)) {
        errors.add(FieldError.duplicate(at, value));
      }
    }
  }
}

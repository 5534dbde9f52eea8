package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policy a namespace's labels resolve to, and the label errors, as upstream's {@code
 * api.PolicyToEvaluate}.
 *
 * <p>A missing label keeps the default. An invalid enforce level becomes {@code restricted} (fail
 * closed), an invalid audit or warn level {@code privileged} (fail open), an invalid version {@code
 * latest}; each invalid label adds an {@code Invalid value} error on {@code
 * metadata.labels[<key>]}.
 *
 * @param policy the policy to evaluate; always usable, even when there are errors
 * @param errors the label errors in upstream's order (enforce, audit, warn; level before version)
 */
public record NamespacePolicy(Policy policy, List<FieldError> errors) {

  /** Copies the errors. */
  public NamespacePolicy {
    errors = List.copyOf(errors);
  }

  /** Resolves {@code labels} (never null; may be empty) over {@code defaults}. */
  public static NamespacePolicy fromLabels(Map<String, String> labels, Policy defaults) {
    if (labels.isEmpty()) {
      return new NamespacePolicy(defaults, List.of());
    }
    List<FieldError> errors = new ArrayList<>(0);
    LevelVersion enforce =
        resolve(
            labels,
            PodSecurityKeys.ENFORCE_LEVEL,
            PodSecurityKeys.ENFORCE_VERSION,
            defaults.enforce(),
            Level.RESTRICTED,
            errors);
    LevelVersion audit =
        resolve(
            labels,
            PodSecurityKeys.AUDIT_LEVEL,
            PodSecurityKeys.AUDIT_VERSION,
            defaults.audit(),
            Level.PRIVILEGED,
            errors);
    LevelVersion warn =
        resolve(
            labels,
            PodSecurityKeys.WARN_LEVEL,
            PodSecurityKeys.WARN_VERSION,
            defaults.warn(),
            Level.PRIVILEGED,
            errors);
    return new NamespacePolicy(new Policy(enforce, audit, warn), errors);
  }

  private static LevelVersion resolve(
      Map<String, String> labels,
      String levelKey,
      String versionKey,
      LevelVersion fallback,
      Level onInvalid,
      List<FieldError> errors) {
    Level level = fallback.level();
    Version version = fallback.version();
    String levelText = labels.get(levelKey);
    if (levelText != null) {
      var parsed = Level.fromWire(levelText);
      level = parsed.orElse(onInvalid);
      if (parsed.isEmpty()) {
        errors.add(FieldError.invalid(labelPath(levelKey), levelText, Level.INVALID));
      }
    }
    String versionText = labels.get(versionKey);
    if (versionText != null) {
      var parsed = Version.tryParse(versionText);
      version = parsed.orElse(Version.LATEST);
      if (parsed.isEmpty()) {
        errors.add(FieldError.invalid(labelPath(versionKey), versionText, Version.INVALID));
      }
    }
    return new LevelVersion(level, version);
  }

  private static String labelPath(String key) {
    return "metadata.labels[" + key + "]";
  }
}

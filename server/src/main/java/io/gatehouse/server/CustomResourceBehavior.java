package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.catalog.KubeAwareVersions;
import io.gatehouse.server.crd.CrdDefinition;
import io.gatehouse.server.crd.CustomResourceCodec;
import io.gatehouse.server.crd.CustomResourceValidator;
import io.gatehouse.server.crd.ObjectRules;
import io.gatehouse.server.schema.CoercionException;
import io.gatehouse.server.schema.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One served version of a custom resource (apiextensions' {@code crdHandler} serving info): the
 * decoder (pruning with unknown-field reporting, defaulting), upstream's custom resource strategy
 * (status kept on main-resource updates when the status subresource is on, {@code generation}
 * bumped by any change outside {@code metadata}), validation with upstream's {@code <Kind>.<group>}
 * Invalid errors, the deprecation warning, the patch types and the printer columns. Immutable;
 * thread-safe.
 */
final class CustomResourceBehavior implements ResourceBehavior {

  /** The patch types custom resources accept, in upstream's order. */
  static final List<String> PATCH_TYPES = List.of("application/json-patch+json",
      "application/merge-patch+json", "application/apply-patch+yaml");

  private final CrdDefinition crd;
  private final CrdDefinition.Version version;
  private final CustomResourceCodec codec;
  private final CustomResourceValidator validator;
  private final boolean terminating;

  /**
   * @param crd the definition, its names the accepted ones
   * @param version the served version
   * @param rules the version's {@code x-kubernetes-validations}
   */
  CustomResourceBehavior(CrdDefinition crd, CrdDefinition.Version version, ObjectRules rules) {
    this.crd = crd;
    this.version = version;
    this.codec = new CustomResourceCodec(crd);
    this.validator = new CustomResourceValidator(crd, version, rules);
    this.terminating = crd.conditionTrue("Terminating");
  }

  CrdDefinition definition() {
    return crd;
  }

  /** The served version. */
  CrdDefinition.Version version() {
    return version;
  }

  /** The version's scale subresource, or {@code null}. */
  CrdDefinition.@Nullable Scale scale() {
    return version.subresources() == null ? null : version.subresources().scale();
  }

  /** The version's printer columns; upstream serves an Age column when there are none. */
  List<CrdDefinition.Column> columns() {
    if (!version.columns().isEmpty()) {
      return version.columns();
    }
    return List.of(new CrdDefinition.Column("Age", "date", "", "", 0,
        ".metadata.creationTimestamp"));
  }

  /** The warning every request to a deprecated version gets, or {@code null}. */
  @Nullable String deprecationWarning() {
    if (!version.deprecated()) {
      return null;
    }
    if (version.deprecationWarning() != null) {
      return version.deprecationWarning();
    }
    String kind = crd.names().kind();
    String warning = crd.group() + "/" + version.name() + " " + kind + " is deprecated";
    String newer = newerVersion();
    return newer == null ? warning
        : warning + "; use " + crd.group() + "/" + newer + " " + kind;
  }

  /** The served, non-deprecated version of highest priority above this one, or {@code null}. */
  private @Nullable String newerVersion() {
    String best = null;
    for (CrdDefinition.Version v : crd.versions()) {
      if (v.served() && !v.deprecated()
          && KubeAwareVersions.compare(version.name(), v.name()) < 0
          && (best == null || KubeAwareVersions.compare(v.name(), best) > 0)) {
        best = v.name();
      }
    }
    return best;
  }

  /**
   * Refuses {@code verb} while the definition is terminating: {@code create} is 405 then.
   *
   * @throws StatusException 405 for a create during termination
   */
  void checkVerb(String verb) {
    if (terminating && verb.equals("create")) {
      throw new StatusException(new Status(
          "create not allowed while custom resource definition is terminating",
          StatusReason.METHOD_NOT_ALLOWED,
          new Status.Details("", crd.group(), crd.names().plural(), List.of()), 405));
    }
  }

  @Override
  public void decode(Unstructured obj, FieldValidation validation, boolean patched,
      List<String> warnings) {
    List<String> unknown;
    try {
      unknown = codec.decode(obj.object(), version.name());
    } catch (CoercionException e) {
      throw StatusException.badRequest(patched ? e.getMessage() : cannotHandle(e.getMessage()));
    }
    if (unknown.isEmpty() || validation == FieldValidation.IGNORE) {
      return;
    }
    List<String> errors = unknown.stream().map(p -> "unknown field " + GoQuote.quote(p)).toList();
    if (validation == FieldValidation.WARN) {
      warnings.addAll(errors);
      return;
    }
    String strict = "strict decoding error: " + String.join(", ", errors);
    throw StatusException.badRequest(patched ? strict : cannotHandle(strict));
  }

  private String cannotHandle(String error) {
    String kind = crd.names().kind();
    return kind + " in version " + GoQuote.quote(version.name()) + " cannot be handled as a "
        + kind + ": " + error;
  }

  /** Prunes a server-side apply configuration to the version's schema. */
  void pruneConfiguration(Map<String, @Nullable Object> configuration) {
    codec.pruneConfiguration(configuration, version.name());
  }

  @Override
  public void read(Unstructured stored) {
    codec.read(stored.object());
  }

  @Override
  public List<String> validateCreate(Unstructured obj) {
    List<String> warnings = new ArrayList<>();
    check(obj, validator.validateCreate(obj.object(), warnings));
    warnings.addAll(CustomResourceValidator.warnings(obj.object(), null));
    return warnings;
  }

  @Override
  public void prepareForUpdate(Unstructured obj, Unstructured old) {
    Map<String, @Nullable Object> o = obj.object();
    Map<String, @Nullable Object> previous = old.object();
    if (version.subresources() != null && version.subresources().status()) {
      if (previous.containsKey("status")) {
        o.put("status", old.deepCopy().object().get("status"));
      } else {
        o.remove("status");
      }
    }
    if (!Objects.equals(nonMetadata(o), nonMetadata(previous))) {
      long generation = old.metadata().get("generation") instanceof Long g ? g : 0L;
      obj.metadataForWrite().put("generation", generation + 1);
    }
  }

  @Override
  public List<String> validateUpdate(String subresource, Unstructured obj, Unstructured old) {
    List<String> warnings = new ArrayList<>();
    if (subresource.equals("status")) {
      check(obj, validator.validateStatusUpdate(obj.object(), old.object(), warnings));
    } else {
      check(obj, validator.validateUpdate(obj.object(), old.object(), warnings));
    }
    warnings.addAll(CustomResourceValidator.warnings(obj.object(), old.object()));
    return warnings;
  }

  private void check(Unstructured obj, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw SchemaErrors.invalid(crd.group(), crd.names().kind(), obj.name(), errors);
    }
  }

  private static Map<String, @Nullable Object> nonMetadata(Map<String, @Nullable Object> o) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(o);
    copy.remove("metadata");
    return copy;
  }
}

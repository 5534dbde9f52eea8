package io.gatehouse.admission.validating;

import io.gatehouse.admission.matching.MatchResources;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A ValidatingAdmissionPolicy with API defaults applied, read from its JSON form.
 *
 * @param name {@code metadata.name}
 * @param metadata {@code metadata}
 * @param paramKind {@code spec.paramKind}, or null
 * @param matchConstraints {@code spec.matchConstraints}, or null when absent
 * @param validations {@code spec.validations}
 * @param failurePolicy {@code spec.failurePolicy} (defaulted to {@code Fail})
 * @param auditAnnotations {@code spec.auditAnnotations}
 * @param matchConditions {@code spec.matchConditions}
 * @param variables {@code spec.variables}
 */
record Policy(
    String name,
    Map<?, ?> metadata,
    @Nullable ParamKind paramKind,
    @Nullable MatchResources matchConstraints,
    List<Validation> validations,
    String failurePolicy,
    List<AuditAnnotation> auditAnnotations,
    List<NamedExpression> matchConditions,
    List<NamedExpression> variables) {

  /** {@code spec.paramKind}. */
  record ParamKind(String apiVersion, String kind) {}

  /** One {@code spec.validations[]} entry; {@code reason} is null when unset. */
  record Validation(
      String expression, String message, String messageExpression, @Nullable String reason) {}

  /** One {@code spec.auditAnnotations[]} entry. */
  record AuditAnnotation(String key, String valueExpression) {}

  /** A matchCondition or variable. */
  record NamedExpression(String name, String expression) {}

  /** Reads a defaulted policy. */
  static Policy fromJson(Map<String, ?> object) {
    Map<?, ?> metadata = Json.mapOrEmpty(object.get("metadata"));
    Map<?, ?> spec = Json.mapOrEmpty(object.get("spec"));
    Map<?, ?> pk = Json.map(spec.get("paramKind"));
    Map<?, ?> mc = Json.map(spec.get("matchConstraints"));
    return new Policy(
        Json.string(metadata.get("name")),
        metadata,
        pk == null ? null : new ParamKind(Json.string(pk.get("apiVersion")), Json.string(pk.get("kind"))),
        mc == null ? null : MatchResources.fromJson(mc),
        Json.maps(spec.get("validations")).stream()
            .map(v -> new Validation(
                Json.string(v.get("expression")),
                Json.string(v.get("message")),
                Json.string(v.get("messageExpression")),
                Json.stringOrNull(v.get("reason"))))
            .toList(),
        Json.string(spec.get("failurePolicy")),
        Json.maps(spec.get("auditAnnotations")).stream()
            .map(a -> new AuditAnnotation(
                Json.string(a.get("key")), Json.string(a.get("valueExpression"))))
            .toList(),
        named(spec.get("matchConditions")),
        named(spec.get("variables")));
  }

  private static List<NamedExpression> named(@Nullable Object json) {
    return Json.maps(json).stream()
        .map(m -> new NamedExpression(Json.string(m.get("name")), Json.string(m.get("expression"))))
        .toList();
  }

  /** Returns whether errors are ignored ({@code failurePolicy: Ignore}). */
  boolean ignoresFailures() {
    return failurePolicy.equals("Ignore");
  }
}

package io.gatehouse.admission.validating;

import io.gatehouse.admission.matching.MatchResources;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A ValidatingAdmissionPolicyBinding with API defaults applied, read from its JSON form.
 *
 * @param name {@code metadata.name}
 * @param metadata {@code metadata}
 * @param policyName {@code spec.policyName}
 * @param paramRef {@code spec.paramRef}, or null
 * @param matchResources {@code spec.matchResources}, or null when absent
 * @param validationActions {@code spec.validationActions}
 */
record Binding(
    String name,
    Map<?, ?> metadata,
    String policyName,
    @Nullable ParamRef paramRef,
    @Nullable MatchResources matchResources,
    List<String> validationActions) {

  /**
   * {@code spec.paramRef}.
   *
   * @param name the param name, or empty
   * @param namespace the namespace, or empty
   * @param selector the selector's JSON form, or null when unset
   * @param parameterNotFoundAction {@code Allow} or {@code Deny}, or null when unset
   */
  record ParamRef(
      String name,
      String namespace,
      @Nullable Object selector,
      @Nullable String parameterNotFoundAction) {}

  /** Reads a defaulted binding. */
  static Binding fromJson(Map<String, ?> object) {
    Map<?, ?> metadata = Json.mapOrEmpty(object.get("metadata"));
    Map<?, ?> spec = Json.mapOrEmpty(object.get("spec"));
    Map<?, ?> pr = Json.map(spec.get("paramRef"));
    Map<?, ?> mr = Json.map(spec.get("matchResources"));
    return new Binding(
        Json.string(metadata.get("name")),
        metadata,
        Json.string(spec.get("policyName")),
        pr == null
            ? null
            : new ParamRef(
                Json.string(pr.get("name")),
                Json.string(pr.get("namespace")),
                pr.get("selector"),
                Json.stringOrNull(pr.get("parameterNotFoundAction"))),
        mr == null ? null : MatchResources.fromJson(mr),
        Json.strings(spec.get("validationActions")));
  }
}

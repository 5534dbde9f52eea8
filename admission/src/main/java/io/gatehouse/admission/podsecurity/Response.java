package io.gatehouse.admission.podsecurity;

import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Denial;
import io.gatehouse.admission.Evaluation;
import io.gatehouse.admission.Warning;
import io.gatehouse.api.GroupResource;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The response being built for one request: upstream's {@code AdmissionResponse} (allowed, result
 * status, warnings, audit annotations) mapped onto an {@link AdmissionResult}. Not thread-safe; one
 * per request.
 */
final class Response {

  private final List<Denial> denials = new ArrayList<>(0);
  private final List<Warning> warnings = new ArrayList<>(0);
  private final Map<String, String> annotations = new LinkedHashMap<>();
  private final List<Evaluation> evaluations = new ArrayList<>(0);
  private @Nullable Status status;

  /** Returns whether nothing has denied the request. */
  boolean allowed() {
    return status == null;
  }

  /** Adds the audit annotation {@code key} (already prefixed). */
  Response annotate(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  /** Adds a warning. */
  Response warn(String message, String check) {
    return warn(message, check, List.of());
  }

  /** Adds a warning naming the offending fields. */
  Response warn(String message, String check, List<String> fields) {
    warnings.add(new Warning(PodSecurityKeys.PLUGIN, "", "", message, check, fields));
    return this;
  }

  /** Records that {@code lv} was evaluated for {@code mode} ({@code enforce}, {@code audit}, …). */
  Response evaluated(LevelVersion lv, String mode) {
    evaluations.add(new Evaluation(PodSecurityKeys.PLUGIN, lv.toString(), mode));
    return this;
  }

  /**
   * Denies with upstream's {@code NewForbidden(resource, name, violates PodSecurity …)}; one {@link
   * Denial} per failed check.
   */
  Response forbidden(
      GroupResource resource, String name, PolicyEvaluation result, String fieldPrefix) {
    String error = result.denialMessage();
    String message =
        resource + (name.isEmpty() ? "" : " " + GoText.quote(name)) + " is forbidden: " + error;
    status =
        new Status(
            message,
            StatusReason.FORBIDDEN,
            new Status.Details(name, resource.group(), resource.resource(), List.of()),
            403);
    String prefix = "violates PodSecurity " + GoText.quote(result.levelVersion().toString()) + ": ";
    for (Violation v : result.violations()) {
      denials.add(
          new Denial(
              PodSecurityKeys.PLUGIN,
              "",
              "",
              prefix + v.message(),
              "Forbidden",
              403,
              "",
              v.check(),
              v.withFieldPrefix(fieldPrefix).fields()));
    }
    return this;
  }

  /** Denies with upstream's {@code NewInvalid(kind, name, errors)} for namespace label errors. */
  Response invalid(
      String groupKind, String group, String kind, String name, List<FieldError> errors) {
    List<Status.Cause> causes = new ArrayList<>(errors.size());
    for (FieldError e : errors) {
      causes.add(new Status.Cause(e.type().cause(), e.body(), e.field()));
      denials.add(
          new Denial(PodSecurityKeys.PLUGIN, "", "", e.message(), "Invalid", 422, "", e.field()));
    }
    status =
        new Status(
            groupKind
                + " "
                + GoText.quote(name)
                + " is invalid: "
                + Aggregates.ofFieldErrors(errors),
            StatusReason.INVALID,
            new Status.Details(name, group, kind, causes),
            422);
    return this;
  }

  /**
   * Denies with upstream's {@code errorResponse(err, status)}: the status, and the audit annotation
   * {@code error} = the status message, followed by {@code ": " + cause} when given.
   */
  Response error(Status s, @Nullable String cause) {
    status = s;
    denials.add(
        new Denial(
            PodSecurityKeys.PLUGIN, "", "", s.message(), s.reason().wire(), s.code(), "", ""));
    annotations.put(
        PodSecurityKeys.ERROR_ANNOTATION, cause == null ? s.message() : s.message() + ": " + cause);
    return this;
  }

  /** Returns upstream's {@code NewBadRequest(message)} status. */
  static Status badRequest(String message) {
    return new Status(message, StatusReason.BAD_REQUEST, null, 400);
  }

  /** Returns upstream's {@code NewInternalError(errors.New(message))} status. */
  static Status internalError(String message) {
    return new Status(
        "Internal error occurred: " + message,
        StatusReason.INTERNAL_ERROR,
        new Status.Details("", "", "", List.of(new Status.Cause("", message, ""))),
        500);
  }

  /** Returns the result; an untouched response is {@link AdmissionResult#ALLOWED}. */
  AdmissionResult toResult() {
    if (status == null && warnings.isEmpty() && annotations.isEmpty() && evaluations.isEmpty()) {
      return AdmissionResult.ALLOWED;
    }
    return new AdmissionResult(denials, warnings, annotations, status, evaluations);
  }

  /** A response allowing with only the {@code exempt} audit annotation. */
  static AdmissionResult exempt(String reason) {
    return new Response().annotate(PodSecurityKeys.EXEMPT_ANNOTATION, reason).toResult();
  }
}

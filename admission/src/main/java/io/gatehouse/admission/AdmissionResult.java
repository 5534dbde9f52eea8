package io.gatehouse.admission;

import io.gatehouse.api.Status;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of admitting one request: every reason it was denied (upstream reports only the
 * first), every warning and the audit annotations.
 *
 * @param denials every denial, in evaluation order; empty when allowed
 * @param warnings the HTTP warnings upstream would return, in order, de-duplicated
 * @param auditAnnotations the audit annotations upstream would record, in key order
 * @param status the error upstream would return (for the first denial), or null when allowed
 * @param evaluations every policy/binding pair that applied and was evaluated, in order
 */
public record AdmissionResult(
    List<Denial> denials,
    List<Warning> warnings,
    Map<String, String> auditAnnotations,
    @Nullable Status status,
    List<Evaluation> evaluations) {

  /** The result of a request nothing objects to. */
  public static final AdmissionResult ALLOWED =
      new AdmissionResult(List.of(), List.of(), Map.of(), null, List.of());

  /** Copies the collections. */
  public AdmissionResult {
    denials = List.copyOf(denials);
    warnings = List.copyOf(warnings);
    auditAnnotations = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(auditAnnotations));
    evaluations = List.copyOf(evaluations);
  }

  /** A result without the list of evaluations. */
  public AdmissionResult(
      List<Denial> denials,
      List<Warning> warnings,
      Map<String, String> auditAnnotations,
      @Nullable Status status) {
    this(denials, warnings, auditAnnotations, status, List.of());
  }

  /** Returns whether the request is admitted. */
  public boolean allowed() {
    return denials.isEmpty();
  }
}

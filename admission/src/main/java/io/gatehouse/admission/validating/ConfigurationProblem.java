package io.gatehouse.admission.validating;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A policy or binding that kube-apiserver would refuse to create, with its API validation errors.
 * Gatehouse still evaluates it as upstream would evaluate the stored object.
 *
 * <p>Immutable.
 *
 * @param kind {@code ValidatingAdmissionPolicy} or {@code ValidatingAdmissionPolicyBinding}
 * @param name the object's name
 * @param errors the field errors, in upstream's order
 */
public record ConfigurationProblem(String kind, String name, List<FieldError> errors) {

  /** Copies the errors. */
  public ConfigurationProblem {
    errors = List.copyOf(errors);
  }

  /**
   * Returns the message of the API server's 422 response: {@code <Kind>.admissionregistration.k8s.io
   * "<name>" is invalid: <errors>}, the errors aggregated as apimachinery does.
   */
  public String message() {
    Set<String> distinct = new LinkedHashSet<>();
    errors.forEach(e -> distinct.add(e.message()));
    String joined = String.join(", ", distinct);
    String aggregate = distinct.size() == 1 ? joined : "[" + joined + "]";
    return kind + ".admissionregistration.k8s.io " + GoText.quote(name) + " is invalid: " + aggregate;
  }
}

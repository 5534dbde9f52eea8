package io.gatehouse.admission;

/**
 * One reason a request is denied.
 *
 * @param plugin the admission plugin, e.g. {@code ValidatingAdmissionPolicy} or {@code
 *     PodSecurity}
 * @param policy the policy name (empty if the plugin has none)
 * @param binding the binding name (empty for policy-level configuration errors)
 * @param message the message exactly as upstream words it for this denial (without the
 *     {@code <resource> "<name>" is forbidden: } prefix)
 * @param reason the Status reason, e.g. {@code Invalid}
 * @param code the HTTP code upstream would return for it
 * @param expression the failing expression, or empty
 * @param check a plugin-specific identifier of what failed (a validation index such as {@code
 *     validations[0]}, a Pod Security check id), or empty
 * @param fields the offending field paths in the object (e.g. {@code
 *     spec.containers[0].securityContext.privileged}), where the plugin knows them; else empty
 */
public record Denial(
    String plugin,
    String policy,
    String binding,
    String message,
    String reason,
    int code,
    String expression,
    String check,
    java.util.List<String> fields) {

  /** Copies the fields. */
  public Denial {
    fields = java.util.List.copyOf(fields);
  }

  /** A denial that names no fields. */
  public Denial(
      String plugin,
      String policy,
      String binding,
      String message,
      String reason,
      int code,
      String expression,
      String check) {
    this(plugin, policy, binding, message, reason, code, expression, check, java.util.List.of());
  }
}

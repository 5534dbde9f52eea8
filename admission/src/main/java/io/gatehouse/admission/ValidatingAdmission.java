package io.gatehouse.admission;

/**
 * An admission plugin's validating phase (upstream's {@code admission.ValidationInterface}): it
 * sees the final object, after every mutation and the registry's own validation, and may only
 * deny the request.
 *
 * <p>Implementations are thread-safe and do not change the objects they are given.
 */
public interface ValidatingAdmission {

  /** Returns the plugin's upstream name, e.g. {@code LimitRanger}. */
  String name();

  /**
   * Checks the request.
   *
   * @return {@link AdmissionResult#ALLOWED}, or a result carrying the upstream Status of the
   *     denial; never throws for a request it cannot admit
   */
  AdmissionResult validate(AdmissionAttributes attributes);
}

package io.gatehouse.admission;

/**
 * An admission plugin's mutating phase (upstream's {@code admission.MutationInterface}): it may
 * change the request's object before the registry validates and stores it, or deny the request.
 *
 * <p>Implementations are thread-safe. {@link #admit} may change {@link AdmissionAttributes#object()}
 * in place (the caller hands over an object it owns for this phase); it never changes the old
 * object.
 */
public interface MutatingAdmission {

  /** Returns the plugin's upstream name, e.g. {@code ServiceAccount}. */
  String name();

  /**
   * Mutates {@code attributes.object()} as the plugin requires, or denies the request.
   *
   * @return {@link AdmissionResult#ALLOWED}, or a result carrying the upstream Status of the
   *     denial; never throws for a request it cannot admit
   */
  AdmissionResult admit(AdmissionAttributes attributes);
}

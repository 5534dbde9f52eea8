package io.gatehouse.admission.validating;

import java.util.List;

/**
 * A compiled policy with its bindings, sorted by binding name.
 *
 * @param compiled the compiled policy
 * @param bindings the bindings naming the policy
 */
record PolicyHook(CompiledPolicy compiled, List<Binding> bindings) {}

package io.gatehouse.admission;

/**
 * One policy/binding pair (or other plugin check) that applied to a request and was evaluated,
 * whether it passed or not — what reports list as one test case.
 *
 * @param plugin the admission plugin, e.g. {@code ValidatingAdmissionPolicy}
 * @param policy the policy name
 * @param binding the binding name, or empty
 */
public record Evaluation(String plugin, String policy, String binding) {}

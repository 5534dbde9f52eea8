package io.gatehouse.admission;

/**
 * One HTTP warning (code 299) an admission plugin adds to the response.
 *
 * @param plugin the admission plugin that produced it
 * @param policy the policy name, or empty
 * @param binding the binding name, or empty
 * @param message the warning text exactly as upstream words it
 * @param check a plugin-specific identifier of what failed, or empty
 */
public record Warning(String plugin, String policy, String binding, String message, String check) {}

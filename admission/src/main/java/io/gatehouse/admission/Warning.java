package io.gatehouse.admission;

/**
 * One HTTP warning (code 299) an admission plugin adds to the response.
 *
 * @param plugin the admission plugin that produced it
 * @param policy the policy name, or empty
 * @param binding the binding name, or empty
 * @param message the warning text exactly as upstream words it
 * @param check a plugin-specific identifier of what failed, or empty
 * @param fields the offending field paths in the object, where the plugin knows them; else empty
 */
public record Warning(
    String plugin,
    String policy,
    String binding,
    String message,
    String check,
    java.util.List<String> fields) {

  /** Copies the fields. */
  public Warning {
    fields = java.util.List.copyOf(fields);
  }

  /** A warning that names no fields. */
  public Warning(String plugin, String policy, String binding, String message, String check) {
    this(plugin, policy, binding, message, check, java.util.List.of());
  }
}

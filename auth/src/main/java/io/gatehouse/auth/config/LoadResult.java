package io.gatehouse.auth.config;

/** The outcome of reading an AuthorizationConfiguration file. */
public sealed interface LoadResult {

  /**
   * The file decoded (validation is a separate step).
   *
   * @param configuration the defaulted configuration
   */
  record Loaded(AuthorizationConfiguration configuration) implements LoadResult {}

  /**
   * The file could not be read or decoded.
   *
   * @param message the reason, as upstream's loader words it where Gatehouse knows the words
   */
  record Failed(String message) implements LoadResult {}
}

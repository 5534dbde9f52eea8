package io.gatehouse.cel;

/**
 * CEL language options that upstream's base environment switches on at a given version, besides
 * function libraries.
 */
public enum LanguageOption {
  /** List and map literals must be homogeneous ({@code [1, 'a']} does not compile). */
  HOMOGENEOUS_AGGREGATE_LITERALS,
  /** {@code <}, {@code <=}, {@code >}, {@code >=} across int, uint and double. */
  CROSS_TYPE_NUMERIC_COMPARISONS,
  /** Optional types: {@code x.?f}, {@code m[?k]}, {@code optional.of(...)} and friends. */
  OPTIONAL_TYPES,
  /** Compile-time validation of duration, timestamp and regex literals and of aggregate literals. */
  LITERAL_VALIDATORS
}

package io.gatehouse.api.codec;

/**
 * Input that could not be decoded.
 *
 * @param source the file name as given ({@code -} is shown as {@code <stdin>})
 * @param line the 1-based line of the problem
 * @param reason what is wrong
 */
public record ManifestError(String source, int line, String reason) {

  /** Returns {@code source:line: reason}. */
  @Override
  public String toString() {
    return source + ":" + line + ": " + reason;
  }
}

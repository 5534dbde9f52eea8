package io.gatehouse.api.codec;

import io.gatehouse.api.Unstructured;

/**
 * A decoded object and where it came from.
 *
 * @param source the file name as given ({@code -} is shown as {@code <stdin>})
 * @param line the 1-based line where the object starts
 * @param object the object
 */
public record Manifest(String source, int line, Unstructured object) {

  /** Returns {@code source:line}. */
  public String location() {
    return source + ":" + line;
  }
}

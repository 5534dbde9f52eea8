package io.gatehouse.cel;

/**
 * An expression that did not compile.
 *
 * @param expression the expression source
 * @param message the issues in cel-go's format: {@code ERROR: <input>:1:5: …} followed by the
 *     source line and a caret, one block per issue, joined by newlines
 */
public record CompilationError(String expression, String message) implements CompilationResult {}

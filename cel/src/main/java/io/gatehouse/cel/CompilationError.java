package io.gatehouse.cel;

/**
 * An expression that did not compile.
 *
 * @param expression the expression source
 * @param message for {@link Stage#COMPILATION}, the issues in cel-go's format: {@code ERROR:
 *     <input>:1:5: …} followed by the source line and a caret, one block per issue, joined by
 *     newlines; for {@link Stage#PROGRAM_INSTANTIATION}, cel-go's bare error text
 * @param stage where compilation failed; Kubernetes prefixes the message accordingly
 */
public record CompilationError(String expression, String message, Stage stage)
    implements CompilationResult {

  /** The step of cel-go's compile pipeline that failed. */
  public enum Stage {
    /** Parse, type-check or AST validation ({@code compilation failed: …} in Kubernetes). */
    COMPILATION,
    /** Program creation, e.g. a constant regex ({@code program instantiation failed: …}). */
    PROGRAM_INSTANTIATION
  }

  /** Creates a {@link Stage#COMPILATION} error. */
  public CompilationError(String expression, String message) {
    this(expression, message, Stage.COMPILATION);
  }
}

package io.gatehouse.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationResult;
import dev.cel.common.exceptions.CelAttributeNotFoundException;
import dev.cel.common.exceptions.CelDivideByZeroException;
import dev.cel.common.exceptions.CelRuntimeException;
import dev.cel.runtime.CelEvaluationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns cel-java's compile issues and evaluation errors into the texts cel-go produces, because
 * Kubernetes puts those texts into admission messages and API errors.
 *
 * <p>Stateless; thread-safe.
 */
public final class CelErrors {

  private static final Pattern CANDIDATES = Pattern.compile(" \\(candidates: .*\\)$");
  private static final Pattern MISSING_KEY =
      Pattern.compile("^key '(.*)' is not present in map\\.$", Pattern.DOTALL);
  private static final Pattern SYNTAX =
      Pattern.compile("^(mismatched input|extraneous input|no viable alternative|token recognition"
          + "|missing ).*", Pattern.DOTALL);

  private CelErrors() {}

  /** Formats the errors of a failed compilation as cel-go's {@code Issues.Err().Error()}. */
  public static String compileMessage(CelValidationResult result) {
    StringBuilder out = new StringBuilder();
    for (CelIssue issue : result.getErrors()) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      CelIssue translated =
          CelIssue.newBuilder()
              .setSeverity(issue.getSeverity())
              .setSourceLocation(issue.getSourceLocation())
              .setExprId(issue.getExprId())
              .setMessage(compileIssueMessage(issue.getMessage()))
              .build();
      out.append(translated.toDisplayString(result.getSource()));
    }
    return out.toString();
  }

  static String compileIssueMessage(String message) {
    String m = CANDIDATES.matcher(message).replaceFirst("");
    if (SYNTAX.matcher(m).matches()) {
      m = "Syntax error: " + m;
    }
    return m;
  }

  /** Returns cel-go's text for an evaluation error of {@code ast}. */
  public static String runtimeMessage(CelEvaluationException e, CelAbstractSyntaxTree ast) {
    CelRuntimeException cause = runtimeCause(e);
    if (cause instanceof CelAttributeNotFoundException) {
      Matcher m = MISSING_KEY.matcher(cause.getMessage());
      if (m.matches()) {
        return "no such key: " + m.group(1);
      }
    }
    if (cause instanceof CelDivideByZeroException) {
      return "division by zero";
    }
    String message = cause != null && cause.getCause() != null
        ? cause.getCause().getMessage()
        : cause != null ? cause.getMessage() : e.getMessage();
    return stripLocation(message == null ? "" : message);
  }

  private static @Nullable CelRuntimeException runtimeCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CelRuntimeException cre) {
        return cre;
      }
    }
    return null;
  }

  private static String stripLocation(String message) {
    return message.replaceFirst("^evaluation error( at <input>:\\d+)?: ", "");
  }
}

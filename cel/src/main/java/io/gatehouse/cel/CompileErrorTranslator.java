package io.gatehouse.cel;

import dev.cel.common.CelIssue;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats cel-java's compile issues as cel-go's {@code Issues.String()}: each issue as {@code
 * ERROR: <input>:L:C: msg} with the source line and a caret, sorted by line and column, joined by
 * newlines, at most 100 of them followed by {@code N more errors were truncated}; the messages
 * themselves reworded where cel-java's differ from cel-go's parser, checker and AST validators.
 *
 * <p>Stateless; thread-safe.
 */
final class CompileErrorTranslator {

  /** cel-go's {@code common.Errors} reporting limit. */
  static final int MAX_ERRORS_TO_REPORT = 100;

  private static final Pattern CANDIDATES = Pattern.compile(" \\(candidates: .*\\)$");
  private static final Pattern SYNTAX =
      Pattern.compile(
          "^(mismatched input|extraneous input|no viable alternative|token recognition"
              + "|missing |rule .* failed predicate).*",
          Pattern.DOTALL);
  private static final Pattern RECURSION =
      Pattern.compile("^Expression recursion limit exceeded\\. limit: (\\d+)$");
  private static final Pattern RECOVERY = Pattern.compile("^More than (\\d+) parse errors\\.$");
  private static final Pattern TYPE_PARAMETER = Pattern.compile("%[a-z]+(\\d+)");
  private static final Pattern ACCUMULATOR =
      Pattern.compile("^The iteration variable .* overwrites accumulator variable$");

  private CompileErrorTranslator() {}

  static String format(CelValidationResult result) {
    List<CelIssue> issues = new ArrayList<>();
    for (CelIssue issue : result.getErrors()) {
      issues.add(translate(issue));
    }
    // cel-go sorts stably by line, then column, before printing.
    issues.sort(
        Comparator.comparingInt((CelIssue i) -> i.getSourceLocation().getLine())
            .thenComparingInt(i -> i.getSourceLocation().getColumn()));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < issues.size() && i < MAX_ERRORS_TO_REPORT; i++) {
      lines.add(issues.get(i).toDisplayString(result.getSource()));
    }
    if (issues.size() > MAX_ERRORS_TO_REPORT) {
      lines.add((issues.size() - MAX_ERRORS_TO_REPORT) + " more errors were truncated");
    }
    return String.join("\n", lines);
  }

  private static CelIssue translate(CelIssue issue) {
    CelSourceLocation location = issue.getSourceLocation();
    String message = issue.getMessage();
    Matcher recursion = RECURSION.matcher(message);
    if (recursion.matches()) {
      // cel-go reports parser limits as internal errors without a location.
      message = "expression recursion limit exceeded: " + recursion.group(1);
      location = CelSourceLocation.NONE;
    } else {
      message = message(message);
    }
    return CelIssue.newBuilder()
        .setSeverity(issue.getSeverity())
        .setSourceLocation(location)
        .setExprId(issue.getExprId())
        .setMessage(message)
        .build();
  }

  /** Rewords one issue message. */
  static String message(String message) {
    String m = CANDIDATES.matcher(message).replaceFirst("");
    // cel-go names the checker's fresh type parameters _var0, _var1, …
    m = TYPE_PARAMETER.matcher(m).replaceAll("_var$1");
    if (SYNTAX.matcher(m).matches()) {
      return "Syntax error: " + m;
    }
    Matcher recovery = RECOVERY.matcher(m);
    if (recovery.matches()) {
      return "Syntax error: error recovery attempt limit exceeded: " + recovery.group(1);
    }
    if (m.equals("The argument must be a simple name")) {
      return "argument must be a simple name";
    }
    if (ACCUMULATOR.matcher(m).matches()) {
      return "iteration variable overwrites accumulator variable";
    }
    if (m.startsWith("duration validation failed.")) {
      return "invalid duration argument";
    }
    if (m.startsWith("timestamp validation failed.")) {
      return "invalid timestamp argument";
    }
    if (m.startsWith("Regex validation failed.")) {
      return "invalid matches argument";
    }
    if (m.startsWith("For input string:") || m.equals("Integer literal is malformed")) {
      return "invalid int literal";
    }
    if (m.contains("exceeds range of unsigned long")
        || m.equals("Unsigned integer literal is missing trailing 'u' suffix")) {
      return "invalid uint literal";
    }
    return m;
  }
}

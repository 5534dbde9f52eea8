package io.gatehouse.cel.library;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code regexp} package as CEL uses it, on re2j (a port of Go's RE2 engine): {@code
 * regexp.Compile} with Go's error texts, {@code FindString} and {@code FindAllString} with Go's
 * handling of empty matches.
 *
 * <p>Stateless; thread-safe.
 */
final class GoRegexp {

  private GoRegexp() {}

  /**
   * Returns Go's {@code regexp.Compile} error text for {@code regex} ({@code error parsing regexp:
   * missing closing ): `(`}), or null if it compiles.
   */
  static @Nullable String syntaxError(String regex) {
    try {
      Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return goMessage(e, regex);
    }
  }

  /**
   * Compiles {@code regex}.
   *
   * @throws PatternSyntaxException if it does not compile; see {@link #goMessage}
   */
  static Pattern compile(String regex) {
    return Pattern.compile(regex);
  }

  /**
   * Words a re2j syntax error as Go's {@code *syntax.Error}: {@code error parsing regexp: <code>:
   * `<expr>`}. re2j reports an unmatched {@code )} as an internal stack underflow where Go reports
   * {@code unexpected )} with the whole pattern, and omits the empty expression Go prints after a
   * trailing backslash.
   */
  static String goMessage(PatternSyntaxException e, String regex) {
    String code = e.getDescription();
    String expr = e.getPattern();
    if (code.equals("regexp/syntax: internal error") && expr.equals("stack underflow")) {
      code = "unexpected )";
      expr = regex;
    }
    return "error parsing regexp: " + code + ": `" + expr + "`";
  }

  /** Returns the leftmost match of {@code pattern} in {@code s}, or {@code ""} if none. */
  static String findString(Pattern pattern, String s) {
    Matcher m = pattern.matcher(s);
    return m.find() ? m.group() : "";
  }

  /**
   * Returns successive non-overlapping matches as Go's {@code FindAllString(s, n)}: at most {@code
   * n} when {@code n >= 0}, all when negative. An empty match right after a previous match is
   * skipped, and after an empty match the search resumes one character (code point) later.
   */
  static List<String> findAllString(Pattern pattern, String s, long n) {
    List<String> out = new ArrayList<>();
    long limit = n < 0 ? Long.MAX_VALUE : n;
    Matcher m = pattern.matcher(s);
    int end = s.length();
    int pos = 0;
    int prevMatchEnd = -1;
    while (out.size() < limit && pos <= end) {
      if (!m.find(pos)) {
        break;
      }
      boolean accept = true;
      if (m.end() == pos) {
        if (m.start() == prevMatchEnd) {
          accept = false;
        }
        pos = pos < end ? pos + Character.charCount(s.codePointAt(pos)) : end + 1;
      } else {
        pos = m.end();
      }
      prevMatchEnd = m.end();
      if (accept) {
        out.add(m.group());
      }
    }
    return out;
  }
}

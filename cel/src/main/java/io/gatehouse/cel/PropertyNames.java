package io.gatehouse.cel;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes' escaping of object property names into CEL identifiers, for schema-typed objects
 * (CRD validation rules and typed declarations): {@code __} → {@code __underscores__}, {@code .}
 * → {@code __dot__}, {@code -} → {@code __dash__}, {@code /} → {@code __slash__}, and a name that
 * is a CEL reserved word → {@code __<word>__}. Names that are not of the form {@code
 * [a-zA-Z_.-/][a-zA-Z0-9_.-/]*} cannot be accessed.
 *
 * <p>ValidatingAdmissionPolicy's {@code object} is dynamic: its properties are reached by map
 * access and are not escaped (kubernetes/kubernetes#118230). Stateless; thread-safe.
 */
public final class PropertyNames {

  /** The words the CEL lexer reserves; properties so named are escaped. */
  public static final Set<String> RESERVED =
      Set.of("true", "false", "null", "in", "as", "break", "const", "continue", "else", "for",
          "function", "if", "import", "let", "loop", "package", "namespace", "return", "var",
          "void", "while");

  private static final Pattern ESCAPED = Pattern.compile("__[^_]+__");

  private PropertyNames() {}

  /** Returns the CEL identifier for property {@code name}, or empty if it cannot be accessed. */
  public static Optional<String> escape(String name) {
    if (name.isEmpty() || (name.charAt(0) >= '0' && name.charAt(0) <= '9')) {
      return Optional.empty();
    }
    if (RESERVED.contains(name)) {
      return Optional.of("__" + name + "__");
    }
    StringBuilder out = new StringBuilder(name.length() + 16);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' && i + 1 < name.length() && name.charAt(i + 1) == '_') {
        out.append("__underscores__");
        i++;
      } else if (c == '.') {
        out.append("__dot__");
      } else if (c == '-') {
        out.append("__dash__");
      } else if (c == '/') {
        out.append("__slash__");
      } else if (isIdentifierChar(c)) {
        out.append(c);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(out.toString());
  }

  /** Returns the property name a CEL identifier stands for, or empty for invalid escapes. */
  public static Optional<String> unescape(String identifier) {
    Matcher m = ESCAPED.matcher(identifier);
    StringBuilder out = new StringBuilder(identifier.length());
    int last = 0;
    while (m.find()) {
      out.append(identifier, last, m.start());
      String contents = identifier.substring(m.start() + 2, m.end() - 2);
      switch (contents) {
        case "underscores" -> out.append("__");
        case "dot" -> out.append('.');
        case "dash" -> out.append('-');
        case "slash" -> out.append('/');
        default -> {
          if (!RESERVED.contains(contents) || m.end() - m.start() != identifier.length()) {
            return Optional.empty();
          }
          out.append(contents);
        }
      }
      last = m.end();
    }
    out.append(identifier, last, identifier.length());
    return Optional.of(out.toString());
  }

  private static boolean isIdentifierChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}

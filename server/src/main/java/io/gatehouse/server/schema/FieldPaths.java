package io.gatehouse.server.schema;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * apiextensions' {@code ValidFieldPath}: a JSON path of {@code .field} and {@code ['key']} steps
 * (single-quoted keys with backslash escapes) that names a field of the structural schema, turned
 * into a field path ({@code spec.x}, {@code spec.m[key]}). Stateless.
 */
public final class FieldPaths {

  /**
   * A resolved path.
   *
   * @param path the field path
   * @param schema the schema of the field
   */
  public record Resolved(String path, JsonSchema schema) {}

  /** A path that does not resolve, with upstream's reason. */
  public static final class InvalidPathException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPathException(String message) {
      super(message);
    }
  }

  private FieldPaths() {}

  /**
   * Resolves {@code jsonPath} against {@code schema}.
   *
   * @throws InvalidPathException with upstream's reason ({@code does not refer to a valid field},
   *     {@code expected [ or . but got: x}, …)
   */
  public static Resolved resolve(String jsonPath, JsonSchema schema, boolean allowArrayNotation)
      throws InvalidPathException {
    List<String> tokens = tokens(jsonPath);
    String path = null;
    JsonSchema s = schema;
    for (int i = 0; i < tokens.size(); i++) {
      String tok = tokens.get(i);
      String name;
      if (tok.equals("[")) {
        if (!allowArrayNotation) {
          throw new InvalidPathException("array notation is not allowed");
        }
        if (++i >= tokens.size()) {
          throw new InvalidPathException("unexpected end of JSON path");
        }
        tok = tokens.get(i);
        if (tok.length() < 2 || tok.charAt(0) != '\'' || tok.charAt(tok.length() - 1) != '\'') {
          throw new InvalidPathException("expected single quoted string but got " + tok);
        }
        name = unescape(tok.substring(1, tok.length() - 1));
        if (++i >= tokens.size()) {
          throw new InvalidPathException("unexpected end of JSON path");
        }
        if (!tokens.get(i).equals("]")) {
          throw new InvalidPathException("expected ] but got " + tokens.get(i));
        }
      } else if (tok.equals(".")) {
        if (++i >= tokens.size()) {
          throw new InvalidPathException("unexpected end of JSON path");
        }
        name = tokens.get(i);
      } else {
        throw new InvalidPathException("expected [ or . but got: " + tok);
      }
      if (!s.properties.isEmpty()) {
        path = Path.child(path, name);
        s = s.properties.get(name);
        if (s == null) {
          throw new InvalidPathException("does not refer to a valid field");
        }
      } else if (s.additionalProperties != null && s.additionalProperties.schema() != null) {
        path = Path.key(path, name);
        s = s.additionalProperties.schema();
      } else {
        throw new InvalidPathException("does not refer to a valid field");
      }
    }
    return new Resolved(path == null ? "" : path, s);
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'') {
        int j = i + 1;
        while (j < s.length() && !(s.charAt(j) == '\'' && s.charAt(j - 1) != '\\')) {
          j++;
        }
        out.add(s.substring(i, Math.min(j + 1, s.length())));
        i = j + 1;
      } else if (c == '.' || c == '[' || c == ']') {
        out.add(String.valueOf(c));
        i++;
      } else {
        int j = i;
        while (j < s.length() && ".[]".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  private static String unescape(String s) throws InvalidPathException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char d = s.charAt(++i);
      b.append(switch (d) {
        case 'a' -> "\u0007";
        case 'b' -> "\b";
        case 'f' -> "\f";
        case 'n' -> "\n";
        case 'r' -> "\r";
        case 't' -> "\t";
        case 'v' -> "\u000b";
        case '\'' -> "'";
        case '\\' -> "\\";
        default -> throw new InvalidPathException("invalid string literal: invalid escape char \\"
            + d);
      });
    }
    return b.toString();
  }

  /** Whether {@code jsonPath} resolves in {@code schema}. */
  public static boolean valid(String jsonPath, @Nullable JsonSchema schema) {
    if (schema == null) {
      return true;
    }
    try {
      resolve(jsonPath, schema, true);
      return true;
    } catch (InvalidPathException e) {
      return false;
    }
  }
}

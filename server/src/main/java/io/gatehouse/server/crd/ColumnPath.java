package io.gatehouse.server.crd;

import io.gatehouse.server.schema.GoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The JSONPath of a printer column ({@code {<jsonPath>}} in client-go's jsonpath, missing keys
 * allowed), for the paths CRDs use: fields ({@code .a.b}, {@code ['a.b']}), indexes ({@code [0]},
 * negative from the end), wildcards ({@code [*]}, {@code .*}) and filters comparing a field with a
 * literal ({@code [?(@.type=="Ready")]}, {@code ==} and {@code !=}). Other syntax finds nothing.
 * Immutable; thread-safe.
 */
public final class ColumnPath {

  private sealed interface Step permits Field, Index, All, Filter {}

  private record Field(String name) implements Step {}

  private record Index(int index) implements Step {}

  private record All() implements Step {}

  private record Filter(List<String> field, boolean equal, @Nullable Object literal)
      implements Step {}

  private final @Nullable List<Step> steps;

  private ColumnPath(@Nullable List<Step> steps) {
    this.steps = steps;
  }

  /** Parses {@code jsonPath}; one that cannot be parsed finds nothing. */
  public static ColumnPath parse(String jsonPath) {
    try {
      return new ColumnPath(steps(jsonPath.strip()));
    } catch (IllegalArgumentException e) {
      return new ColumnPath(null);
    }
  }

  /** Returns the first value the path finds in {@code root}, or {@code null}. */
  public @Nullable Object first(Object root) {
    if (steps == null) {
      return null;
    }
    List<@Nullable Object> current = new ArrayList<>();
    current.add(root);
    for (Step s : steps) {
      List<@Nullable Object> next = new ArrayList<>();
      for (Object v : current) {
        apply(s, v, next);
      }
      current = next;
    }
    return current.isEmpty() ? null : current.get(0);
  }

  /**
   * client-go's jsonpath printing of one value, as a {@code string} column shows it: objects and
   * lists as JSON, strings as they are, numbers and booleans as Go's {@code %v}.
   */
  public static String print(Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return GoText.json(value);
    }
    return GoText.v(value);
  }

  private static void apply(Step s, @Nullable Object v, List<@Nullable Object> out) {
    switch (s) {
      case Field f -> {
        if (v instanceof Map<?, ?> m && m.containsKey(f.name())) {
          out.add(m.get(f.name()));
        }
      }
      case Index i -> {
        if (v instanceof List<?> l) {
          int at = i.index() < 0 ? l.size() + i.index() : i.index();
          if (at >= 0 && at < l.size()) {
            out.add(l.get(at));
          }
        }
      }
      case All a -> {
        if (v instanceof List<?> l) {
          out.addAll(l);
        } else if (v instanceof Map<?, ?> m) {
          new java.util.TreeMap<>(m).values().forEach(out::add);
        }
      }
      case Filter f -> {
        if (v instanceof List<?> l) {
          for (Object item : l) {
            Object x = item;
            boolean found = true;
            for (String name : f.field()) {
              if (x instanceof Map<?, ?> m && m.containsKey(name)) {
                x = m.get(name);
              } else {
                found = false;
                break;
              }
            }
            if (found && equal(x, f.literal()) == f.equal()) {
              out.add(item);
            }
          }
        }
      }
    }
  }

  private static boolean equal(@Nullable Object a, @Nullable Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }

  private static List<Step> steps(String p) {
    List<Step> out = new ArrayList<>();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        i++;
        if (i < p.length() && p.charAt(i) == '*') {
          out.add(new All());
          i++;
          continue;
        }
        int start = i;
        while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
          i++;
        }
        if (i > start) {
          out.add(new Field(p.substring(start, i)));
        }
      } else if (c == '[') {
        int end = closing(p, i);
        out.add(bracket(p.substring(i + 1, end).strip()));
        i = end + 1;
      } else {
        throw new IllegalArgumentException(p);
      }
    }
    return out;
  }

  private static int closing(String p, int open) {
    char quote = 0;
    for (int i = open + 1; i < p.length(); i++) {
      char c = p.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ']') {
        return i;
      }
    }
    throw new IllegalArgumentException(p);
  }

  private static Step bracket(String b) {
    if (b.equals("*")) {
      return new All();
    }
    if (b.length() >= 2 && (b.charAt(0) == '\'' || b.charAt(0) == '"')) {
      return new Field(b.substring(1, b.length() - 1));
    }
    if (b.startsWith("?(") && b.endsWith(")")) {
      String expr = b.substring(2, b.length() - 1).strip();
      int op = expr.indexOf("==");
      boolean equal = true;
      if (op < 0) {
        op = expr.indexOf("!=");
        equal = false;
      }
      if (op < 0 || !expr.startsWith("@.")) {
        throw new IllegalArgumentException(b);
      }
      List<String> field = List.of(expr.substring(2, op).strip().split("\\."));
      return new Filter(field, equal, literal(expr.substring(op + 2).strip()));
    }
    return new Index(Integer.parseInt(b));
  }

  private static @Nullable Object literal(String s) {
    if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"')) {
      return s.substring(1, s.length() - 1);
    }
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    if (s.equals("nil")) {
      return null;
    }
    try {
      return s.contains(".") ? (Object) Double.parseDouble(s) : (Object) Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(s, e);
    }
  }
}

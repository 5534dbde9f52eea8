package io.gatehouse.server.schema;

import org.jspecify.annotations.Nullable;

/**
 * apimachinery's {@code field.Path} as text. A path is a string, {@code null} standing for Go's
 * nil path, which prints as {@code <nil>}: {@code child} joins with a dot, {@code index} and
 * {@code key} append {@code [i]} and {@code [k]}. Stateless.
 */
public final class Path {

  /** How Go prints a nil {@code *field.Path}. */
  public static final String NIL = "<nil>";

  private Path() {}

  /** {@code p.Child(name)}; on a nil path, a new root named {@code name}. */
  public static String child(@Nullable String parent, String name) {
    if (parent == null) {
      return name;
    }
    return name.isEmpty() ? parent + "[]" : parent + "." + name;
  }

  /** {@code p.Index(i)}. */
  public static String index(@Nullable String parent, int i) {
    return (parent == null ? "" : parent) + "[" + i + "]";
  }

  /** {@code p.Key(k)}. */
  public static String key(@Nullable String parent, String k) {
    return (parent == null ? "" : parent) + "[" + k + "]";
  }

  /** Returns the printed form of {@code path}: {@link #NIL} for {@code null}. */
  public static String print(@Nullable String path) {
    return path == null ? NIL : path;
  }

  /**
   * Prefixes a path printed relative to a node ({@code relative}, {@link #NIL} for the node
   * itself) with the node's own path.
   */
  static String join(String prefix, String relative) {
    if (relative.equals(NIL) || relative.isEmpty()) {
      return prefix;
    }
    if (prefix.isEmpty() || prefix.equals(NIL)) {
      return relative;
    }
    return relative.startsWith("[") ? prefix + relative : prefix + "." + relative;
  }
}

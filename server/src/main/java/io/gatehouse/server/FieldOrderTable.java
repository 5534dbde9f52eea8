package io.gatehouse.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The field-order table of the built-in types: each struct type's fields in Go declaration order
 * and each built-in kind's type, read from the generated resource {@code field-order-1.33.txt}
 * (scripts/generate-field-order.sh; the format is described in its header). Immutable and
 * thread-safe once loaded.
 */
final class FieldOrderTable {

  static final String RESOURCE = "field-order-1.33.txt";

  private final Map<String, StructOrder> types;
  private final Map<String, Map<String, StructOrder>> kinds;
  private final Map<String, StructOrder> groupKinds;

  private FieldOrderTable(Map<String, StructOrder> types,
      Map<String, Map<String, StructOrder>> kinds, Map<String, StructOrder> groupKinds) {
    this.types = types;
    this.kinds = kinds;
    this.groupKinds = groupKinds;
  }

  /**
   * Reads the table shipped with the server.
   *
   * @throws IllegalStateException if the resource is missing or malformed (a build error)
   */
  static FieldOrderTable load() {
    try (InputStream in = FieldOrderTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the table's lines; throws {@link IllegalStateException} on a dangling type name. */
  static FieldOrderTable parse(List<String> lines) {
    Map<String, StructOrder> types = new HashMap<>();
    Map<String, String[]> declared = new HashMap<>();
    List<String[]> kindLines = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.trim().split(" ");
      if (line.startsWith("@")) {
        kindLines.add(parts);
        continue;
      }
      List<String> names = new ArrayList<>();
      List<StructOrder.Shape> shapes = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        String f = parts[i];
        int eq = f.indexOf('=');
        names.add(eq < 0 ? f : f.substring(0, eq));
        String shape = eq < 0 ? "" : f.substring(eq + 1);
        shapes.add(shape.isEmpty() ? StructOrder.Shape.KEEP
            : shape.equals("{}") ? StructOrder.Shape.MAP
            : shape.startsWith("{") ? StructOrder.Shape.MAP_OF_STRUCT
            : StructOrder.Shape.STRUCT); // TYPE and [TYPE]: a struct is ordered alone or listed
      }
      types.put(parts[0], new StructOrder(parts[0], names, shapes));
      declared.put(parts[0], parts);
    }
    declared.forEach((name, parts) -> {
      StructOrder t = types.get(name);
      for (int i = 1; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        String shape = eq < 0 ? "" : parts[i].substring(eq + 1);
        String element = shape.startsWith("{") || shape.startsWith("[")
            ? shape.substring(1, shape.length() - 1) : shape;
        if (!element.isEmpty()) {
          t.link(i - 1, require(types, element));
        }
      }
    });
    Map<String, Map<String, StructOrder>> kinds = new HashMap<>();
    Map<String, StructOrder> groupKinds = new HashMap<>();
    for (String[] k : kindLines) {
      String apiVersion = k[0].substring(1);
      StructOrder t = require(types, k[2]);
      kinds.computeIfAbsent(apiVersion, v -> new HashMap<>()).put(k[1], t);
      groupKinds.putIfAbsent(group(apiVersion) + "/" + k[1], t);
    }
    return new FieldOrderTable(Map.copyOf(types), Map.copyOf(kinds), Map.copyOf(groupKinds));
  }

  private static StructOrder require(Map<String, StructOrder> types, String name) {
    StructOrder t = types.get(name);
    if (t == null) {
      throw new IllegalStateException(RESOURCE + ": unknown type " + name);
    }
    return t;
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /**
   * The type of a built-in kind: the exact group/version/kind, else the same kind of another
   * version of its group (for versions whose definitions the table lacks, such as
   * admissionregistration.k8s.io/v1alpha1, whose types have the v1beta1 fields). Null for kinds
   * the table does not know: custom resources.
   */
  @Nullable StructOrder kind(String apiVersion, String kind) {
    Map<String, StructOrder> byKind = kinds.get(apiVersion);
    StructOrder t = byKind == null ? null : byKind.get(kind);
    return t != null ? t : groupKinds.get(group(apiVersion) + "/" + kind);
  }

  /** A struct type by definition name, or null. */
  @Nullable StructOrder type(String name) {
    return types.get(name);
  }
}

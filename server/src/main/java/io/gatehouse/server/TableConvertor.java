package io.gatehouse.server;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.Unstructured;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code meta.k8s.io/v1 Table} kubectl asks for with {@code as=Table}: upstream's printer
 * columns for pods, deployments, namespaces, nodes, services, configmaps and secrets (the cells
 * computed from the stored fields), a CRD version's printer columns for its custom resources
 * ({@link PrinterColumns}), NAME and AGE for everything else; each row's object is the
 * {@code PartialObjectMetadata} ({@code includeObject=Metadata}, the default), the full object
 * ({@code Object}) or absent ({@code None}). Immutable; thread-safe.
 */
final class TableConvertor {

  /** One column: its definition and how a row's cell is computed. */
  record Column(String name, String type, String format, int priority,
      Function<Unstructured, Object> cell, String description) {

    Column(String name, String type, String format, int priority,
        Function<Unstructured, Object> cell) {
      this(name, type, format, priority, cell, "");
    }
  }

  private final Clock clock;

  TableConvertor(Clock clock) {
    this.clock = clock;
  }

  /** Returns a Table of {@code items} with list metadata. */
  Map<String, Object> table(StoredResource r, List<Unstructured> items, String includeObject,
      Map<String, Object> listMeta, boolean columns) {
    List<Column> cols = r.behavior() instanceof CustomResourceBehavior cr
        ? PrinterColumns.of(cr, clock) : columns(r.groupResource());
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("kind", "Table");
    t.put("apiVersion", "meta.k8s.io/v1");
    t.put("metadata", listMeta);
    List<Object> defs = new ArrayList<>();
    if (columns) {
      for (Column c : cols) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", c.name());
        d.put("type", c.type());
        d.put("format", c.format());
        d.put("description", c.description());
        d.put("priority", c.priority());
        defs.add(d);
      }
    }
    t.put("columnDefinitions", defs);
    List<Object> rows = new ArrayList<>();
    for (Unstructured obj : items) {
      Map<String, Object> row = new LinkedHashMap<>();
      List<Object> cells = new ArrayList<>();
      for (Column c : cols) {
        cells.add(c.cell().apply(obj));
      }
      row.put("cells", cells);
      switch (includeObject) {
        case "None" -> { }
        case "Object" -> row.put("object", obj.object());
        default -> row.put("object", partial(obj));
      }
      rows.add(row);
    }
    t.put("rows", rows);
    return t;
  }

  private static Map<String, Object> partial(Unstructured obj) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "PartialObjectMetadata");
    m.put("apiVersion", "meta.k8s.io/v1");
    // a typed ObjectMeta upstream, also for custom resources, whose own metadata is sorted
    m.put("metadata", FieldOrder.kubernetes133().builtin(obj.apiVersion(), obj.kind())
        ? obj.metadata() : FieldOrder.kubernetes133().copyAsObjectMeta(obj.metadata()));
    return m;
  }

  private List<Column> columns(GroupResource gr) {
    Column name = new Column("Name", "string", "name", 0, Unstructured::name);
    Column age = new Column("Age", "string", "", 0, this::age);
    String key = gr.group() + "/" + gr.resource();
    return switch (key) {
      case "/pods" -> List.of(name,
          col("Ready", TableConvertor::podReady),
          col("Status", o -> str(o, "status", "phase")),
          col("Restarts", TableConvertor::restarts),
          age,
          new Column("IP", "string", "", 1, o -> orNone(str(o, "status", "podIP"))),
          new Column("Node", "string", "", 1, o -> orNone(str(o, "spec", "nodeName"))));
      case "apps/deployments" -> List.of(name,
          col("Ready", o -> num(o, "status", "readyReplicas") + "/" + num(o, "spec", "replicas", 1)),
          new Column("Up-to-date", "integer", "", 0, o -> num(o, "status", "updatedReplicas")),
          new Column("Available", "integer", "", 0, o -> num(o, "status", "availableReplicas")),
          age);
      case "/namespaces" -> List.of(name, col("Status", o -> str(o, "status", "phase")), age);
      case "/nodes" -> List.of(name, col("Status", o -> "Unknown"), col("Roles", o -> "<none>"),
          age, col("Version", o -> str(o, "status", "nodeInfo", "kubeletVersion")));
      case "/services" -> List.of(name, col("Type", o -> orDefault(str(o, "spec", "type"), "ClusterIP")),
          col("Cluster-IP", o -> orNone(str(o, "spec", "clusterIP"))),
          col("External-IP", o -> "<none>"), col("Port(s)", TableConvertor::ports), age);
      case "/configmaps" -> List.of(name, new Column("Data", "integer", "", 0,
          o -> (long) (size(o, "data") + size(o, "binaryData"))), age);
      case "/secrets" -> List.of(name, col("Type", o -> str(o, "type")),
          new Column("Data", "integer", "", 0, o -> (long) size(o, "data")), age);
      // upstream's default table convertor: the creation time in RFC 3339
      case "apiextensions.k8s.io/customresourcedefinitions" -> List.of(name,
          new Column("Created At", "date", "", 0, o -> str(o, "metadata", "creationTimestamp")));
      default -> List.of(name, age);
    };
  }

  private static Column col(String name, Function<Unstructured, Object> cell) {
    return new Column(name, "string", "", 0, cell);
  }

  private String age(Unstructured o) {
    Object ts = o.metadata().get("creationTimestamp");
    if (!(ts instanceof String s)) {
      return "<unknown>";
    }
    try {
      return Age.human(Duration.between(Instant.parse(s), Instant.now(clock)));
    } catch (DateTimeParseException e) {
      return "<unknown>";
    }
  }

  private static String str(Unstructured o, String... path) {
    return o.get(path).map(String::valueOf).orElse("");
  }

  private static long num(Unstructured o, String... path) {
    return num(o, path, 0);
  }

  private static long num(Unstructured o, String a, String b, long dflt) {
    return num(o, new String[] {a, b}, dflt);
  }

  private static long num(Unstructured o, String[] path, long dflt) {
    return o.get(path).filter(v -> v instanceof Long).map(v -> (Long) v).orElse(dflt);
  }

  private static int size(Unstructured o, String field) {
    return o.get(field).filter(v -> v instanceof Map<?, ?>).map(v -> ((Map<?, ?>) v).size())
        .orElse(0);
  }

  private static String orNone(String s) {
    return s.isEmpty() ? "<none>" : s;
  }

  private static String orDefault(String s, String dflt) {
    return s.isEmpty() ? dflt : s;
  }

  private static String podReady(Unstructured o) {
    int total = o.get("spec", "containers").filter(v -> v instanceof List<?>)
        .map(v -> ((List<?>) v).size()).orElse(0);
    long ready = statuses(o).stream().filter(s -> Boolean.TRUE.equals(s.get("ready"))).count();
    return ready + "/" + total;
  }

  private static long restarts(Unstructured o) {
    return statuses(o).stream().mapToLong(s -> s.get("restartCount") instanceof Long l ? l : 0L)
        .sum();
  }

  private static List<Map<?, ?>> statuses(Unstructured o) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (o.get("status", "containerStatuses").orElse(null) instanceof List<?> l) {
      l.forEach(x -> {
        if (x instanceof Map<?, ?> m) {
          out.add(m);
        }
      });
    }
    return out;
  }

  private static String ports(Unstructured o) {
    List<String> out = new ArrayList<>();
    if (o.get("spec", "ports").orElse(null) instanceof List<?> l) {
      for (Object p : l) {
        if (p instanceof Map<?, ?> m) {
          Object node = m.get("nodePort");
          String proto = m.get("protocol") instanceof String s ? s : "TCP";
          out.add(m.get("port") + (node == null ? "" : ":" + node) + "/" + proto);
        }
      }
    }
    return out.isEmpty() ? "<none>" : String.join(",", out);
  }
}

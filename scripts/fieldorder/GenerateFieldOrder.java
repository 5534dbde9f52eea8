import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;

/**
 * Generates Gatehouse's JSON field-order table of the built-in types (see
 * scripts/generate-field-order.sh, which supplies the arguments and the class path).
 *
 * <p>kube-apiserver encodes built-in objects with Go's encoding/json: struct fields in declaration
 * order, Go maps with sorted keys. The OpenAPI definitions Gatehouse already ships
 * (definitions-1.33.json.gz) give each type's JSON property names, which properties are maps and
 * which refer to other types, but list properties alphabetically. The declaration order comes from
 * the protobuf messages of the Kubernetes Java client's client-java-proto sources: go-to-protobuf
 * writes a message's fields in the Go struct's declaration order (their tag numbers are not in
 * order, which shows it: ConfigMap is metadata = 1, immutable = 4, data = 2, binaryData = 3).
 * Embedded structs with {@code json:",inline"} are single message fields whose own fields are the
 * parent's JSON properties, expanded where they stand; the inline TypeMeta has no protobuf field
 * and its {@code kind} and {@code apiVersion} come first.
 *
 * <p>Output, one line per type: {@code TYPE FIELD...}, a field being {@code name} (a value kept as
 * it is), {@code name=TYPE} (a struct; for the schema-or-array/-bool types, a struct or a list of
 * them), {@code name=[TYPE]} (a list of structs), {@code name={}} (a Go map: keys sorted) or
 * {@code name={TYPE}} (a Go map of structs); and one line per kind: {@code @apiVersion Kind
 * TYPE}. Fails, naming them, if a property of a definition has no place in the order.
 *
 * <p>Arguments: output file, definitions (gzip JSON), a supplement ({@code TYPE FIELD...} lines
 * for types without a protobuf message), then client-java-proto sources jars in order of
 * preference.
 */
public final class GenerateFieldOrder {

  private static final Pattern INTERFACE =
      Pattern.compile("@@protoc_insertion_point\\(interface_extends:([\\w.]+)\\)");
  private static final Pattern CODE = Pattern.compile("<code>([^<]*)</code>");
  private static final Pattern FIELD = Pattern.compile(
      "^(?:(?:optional|repeated|required)\\s+)?(map&lt;[^;]*&gt;|[\\w.]+)\\s+(\\w+)\\s*=\\s*\\d+;$");
  /** Types with their own MarshalJSON whose value is a schema, a list of schemas, or a scalar. */
  private static final Map<String, String> SCHEMA_OR = Map.of(
      "JSONSchemaPropsOrArray", "JSONSchemaProps",
      "JSONSchemaPropsOrBool", "JSONSchemaProps",
      "JSONSchemaPropsOrStringArray", "JSONSchemaProps");

  record ProtoField(String name, String type) {}

  private final Map<String, List<ProtoField>> messages = new HashMap<>();
  private final Map<String, JsonNode> definitions = new TreeMap<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    GenerateFieldOrder g = new GenerateFieldOrder();
    g.readDefinitions(Path.of(args[1]));
    g.readSupplement(Path.of(args[2]));
    for (int i = 3; i < args.length; i++) {
      g.readProtoSources(Path.of(args[i]));
    }
    List<String> lines = g.generate();
    g.notes.forEach(n -> System.err.println("note: " + n));
    if (!g.errors.isEmpty()) {
      g.errors.forEach(e -> System.err.println("error: " + e));
      System.exit(1);
    }
    Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
  }

  private void readDefinitions(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      JsonNode root = new ObjectMapper().readTree(in);
      root.get("definitions").fields().forEachRemaining(e -> definitions.put(e.getKey(),
          e.getValue()));
    }
  }

  private void readSupplement(Path file) throws IOException {
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.trim().split("\\s+");
      List<ProtoField> fields = new ArrayList<>();
      for (int i = 1; i < p.length; i++) {
        fields.add(new ProtoField(p[i], ""));
      }
      messages.put(p[0], List.copyOf(fields));
    }
  }

  private void readProtoSources(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (var e : Collections.list(zip.entries())) {
        if (e.getName().endsWith(".java")) {
          readProtoSource(new String(zip.getInputStream(e).readAllBytes(),
              StandardCharsets.UTF_8));
        }
      }
    }
  }

  /** Each message's OrBuilder interface lists its fields' declarations in .proto order. */
  private void readProtoSource(String text) {
    Matcher in = INTERFACE.matcher(text);
    while (in.find()) {
      String owner = definitionName(in.group(1));
      if (messages.containsKey(owner)) {
        continue; // an earlier (preferred) jar has it
      }
      int end = text.indexOf("\n  }\n", in.start());
      String body = text.substring(in.start(), end < 0 ? text.length() : end);
      Map<String, ProtoField> fields = new LinkedHashMap<>();
      Matcher c = CODE.matcher(body);
      while (c.find()) {
        Matcher f = FIELD.matcher(c.group(1).trim());
        if (f.matches()) {
          String type = f.group(1).replace("&lt;", "<").replace("&gt;", ">");
          fields.putIfAbsent(f.group(2), new ProtoField(f.group(2), type));
        }
      }
      messages.put(owner, List.copyOf(fields.values()));
    }
  }

  /** {@code k8s.io.api.core.v1.Pod} → {@code io.k8s.api.core.v1.Pod}. */
  private static String definitionName(String protoName) {
    String n = protoName.startsWith(".") ? protoName.substring(1) : protoName;
    String[] p = n.split("\\.");
    StringBuilder sb = new StringBuilder("io.k8s");
    for (int i = 2; i < p.length; i++) {
      sb.append('.').append(p[i].replace('_', '-'));
    }
    return sb.toString();
  }

  private List<String> generate() {
    List<String> out = new ArrayList<>();
    out.add("# JSON field order of Kubernetes 1.33's built-in types, as kube-apiserver's encoding/json");
    out.add("# writes them. Generated by scripts/generate-field-order.sh; do not edit.");
    out.add("# TYPE FIELD...: name (value kept as is), name=TYPE (struct; for JSONSchemaProps'");
    out.add("# schema-or-array/-bool fields also a list of them), name=[TYPE] (list of structs),");
    out.add("# name={} (Go map: keys sorted), name={TYPE} (Go map of structs).");
    out.add("# @APIVERSION KIND TYPE: the type of a kind.");
    Set<String> kinds = new TreeSet<>();
    for (Map.Entry<String, JsonNode> d : definitions.entrySet()) {
      JsonNode props = d.getValue().get("properties");
      if (props == null) {
        if ("object".equals(text(d.getValue(), "type"))
            && !leafTypes().contains(d.getKey())) {
          out.add(d.getKey()); // an empty struct
        }
        continue;
      }
      Map<String, String> order = order(d.getKey(), props);
      if (order == null) {
        continue;
      }
      StringBuilder line = new StringBuilder(d.getKey());
      for (Map.Entry<String, String> f : order.entrySet()) {
        line.append(' ').append(f.getKey()).append(shape(props.get(f.getKey()), f.getValue()));
      }
      out.add(line.toString());
      JsonNode gvks = d.getValue().get("x-kubernetes-group-version-kind");
      if (gvks != null) {
        for (JsonNode gvk : gvks) {
          String group = text(gvk, "group");
          String apiVersion = group.isEmpty() ? text(gvk, "version")
              : group + "/" + text(gvk, "version");
          kinds.add("@" + apiVersion + " " + text(gvk, "kind") + " " + d.getKey());
        }
      }
    }
    out.addAll(kinds);
    return out;
  }

  private static Set<String> leafTypes() {
    return Set.of("io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1",
        "io.k8s.apimachinery.pkg.apis.meta.v1.Patch",
        "io.k8s.apimachinery.pkg.runtime.RawExtension");
  }

  /**
   * The definition's properties in declaration order, each with its protobuf type ("" for kind
   * and apiVersion), or null (with an error) if unknown.
   */
  private Map<String, String> order(String name, JsonNode props) {
    List<ProtoField> fields = messages.get(name);
    if (fields == null) {
      String sibling = sibling(name, props);
      if (sibling == null) {
        errors.add(name + ": no protobuf message");
        return null;
      }
      notes.add(name + ": no protobuf message, using " + sibling + "'s order");
      fields = messages.get(sibling);
    }
    Set<String> names = new LinkedHashSet<>();
    props.fieldNames().forEachRemaining(names::add);
    Map<String, String> order = new LinkedHashMap<>();
    Set<String> protoNames = new LinkedHashSet<>();
    fields.forEach(f -> protoNames.add(normal(f.name())));
    for (String typeMeta : List.of("kind", "apiVersion")) {
      if (names.contains(typeMeta) && !protoNames.contains(normal(typeMeta))) {
        order.put(typeMeta, "");
      }
    }
    append(name, fields, names, order, 0);
    Set<String> missing = new TreeSet<>(names);
    order.keySet().forEach(missing::remove);
    if (!missing.isEmpty()) {
      errors.add(name + ": no declaration order for " + missing);
    }
    return order;
  }

  private void append(String owner, List<ProtoField> fields, Set<String> names,
      Map<String, String> order, int depth) {
    for (ProtoField f : fields) {
      String json = match(f.name(), names);
      if (json != null) {
        order.putIfAbsent(json, f.type());
        continue;
      }
      List<ProtoField> inline = f.type().isEmpty() || f.type().startsWith("map<") ? null
          : messages.get(definitionName(f.type()));
      if (inline != null && depth < 4
          && inline.stream().anyMatch(x -> match(x.name(), names) != null)) {
        append(owner, inline, names, order, depth + 1); // an embedded struct, json:",inline"
      } else if (depth == 0) {
        notes.add(owner + ": protobuf field " + f.name() + " is not a 1.33 property (left out)");
      }
    }
  }

  /** The JSON property a protobuf field stands for ({@code ref} is {@code $ref}, …). */
  private static String match(String protoName, Set<String> names) {
    if (names.contains(protoName)) {
      return protoName;
    }
    String n = normal(protoName);
    for (String name : names) {
      if (normal(name).equals(n)) {
        return name;
      }
    }
    return null;
  }

  private static String normal(String name) {
    return name.replace("$", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Another version of the same group whose message has every property, for types without one. */
  private String sibling(String name, JsonNode props) {
    int dot = name.lastIndexOf('.');
    String simple = name.substring(dot + 1);
    String pkg = name.substring(0, dot);
    String group = pkg.substring(0, pkg.lastIndexOf('.'));
    for (String version : List.of("v1", "v1beta1", "v1beta2", "v2")) {
      String candidate = group + "." + version + "." + simple;
      List<ProtoField> fields = messages.get(candidate);
      if (fields == null || candidate.equals(name)) {
        continue;
      }
      Set<String> names = new LinkedHashSet<>();
      props.fieldNames().forEachRemaining(names::add);
      names.remove("kind");
      names.remove("apiVersion");
      Set<String> covered = new LinkedHashSet<>();
      fields.forEach(f -> {
        String m = match(f.name(), names);
        if (m != null) {
          covered.add(m);
        }
      });
      if (covered.containsAll(names)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * How a property's value is ordered: "", "=TYPE", "=[TYPE]", "={}" or "={TYPE}". The protobuf type wins
   * for the schema-or-something types, which the definitions do not always name.
   */
  private String shape(JsonNode schema, String protoType) {
    for (Map.Entry<String, String> or : SCHEMA_OR.entrySet()) {
      if (protoType.contains("." + or.getKey())) {
        String type = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1." + or.getValue();
        return protoType.startsWith("map<") ? "={" + type + "}" : "=" + type;
      }
    }
    String ref = struct(schema);
    if (ref != null) {
      return "=" + ref;
    }
    JsonNode items = schema.get("items");
    if (items != null) {
      String item = struct(items);
      return item == null ? "" : "=[" + item + "]";
    }
    JsonNode values = schema.get("additionalProperties");
    if (values != null) {
      String value = struct(values);
      if (value == null && values.get("items") != null) {
        value = struct(values.get("items"));
      }
      return value == null ? "={}" : "={" + value + "}";
    }
    return "";
  }

  /** The struct type a schema refers to, or null for scalars and types kept as they are. */
  private String struct(JsonNode schema) {
    String ref = text(schema, "$ref");
    if (ref.isEmpty()) {
      return null;
    }
    String simple = ref.substring(ref.lastIndexOf('.') + 1);
    if (SCHEMA_OR.containsKey(simple)) {
      return ref.substring(0, ref.lastIndexOf('.') + 1) + SCHEMA_OR.get(simple);
    }
    JsonNode target = definitions.get(ref);
    if (target == null) {
      errors.add("unknown $ref " + ref);
      return null;
    }
    boolean struct = target.get("properties") != null
        || "object".equals(text(target, "type")) && !leafTypes().contains(ref);
    return struct ? ref : null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null ? "" : v.asText();
  }
}

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;

/**
 * Generates Gatehouse's OpenAPI schema data for the built-in types of Kubernetes 1.33 (see
 * scripts/generate-openapi-schemas.sh, which supplies the arguments and the class path).
 *
 * <p>Sources: the model classes of the Kubernetes Java client 24.0.0 (generated from the 1.33
 * OpenAPI specification: descriptions, property types and formats, required properties) and the
 * protobuf sources of its client-java-proto artifacts (the {@code +patchStrategy}, {@code
 * +patchMergeKey}, {@code +listType}, {@code +listMapKey}, {@code +mapType} and {@code +structType}
 * markers of k8s.io/api's comments, and the package each type lives in). Output: gzip-compressed
 * JSON {@code {"kubernetesVersion", "source", "definitions": {name: schema}}} where a schema is an
 * OpenAPI schema object whose {@code $ref} values are bare definition names.
 *
 * <p>Arguments: output file, catalog YAML, client-java-api jar, then client-java-proto sources
 * jars in order of preference.
 */
public final class GenerateSchemas {

  private static final String MODELS = "io.kubernetes.client.openapi.models.";
  private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  private static final Pattern CLASS_NAME =
      Pattern.compile("^([A-Z][a-z]+)?(V\\d+(?:(?:alpha|beta)\\d+)?)([A-Z].*)$");
  private static final Pattern MESSAGE_DOC = Pattern.compile(
      "<pre>\\n((?:(?!</pre>).)*?)</pre>\\s*\\*\\s*\\n\\s*\\* Protobuf type \\{@code ([\\w.]+)\\}",
      Pattern.DOTALL);
  private static final Pattern INTERFACE =
      Pattern.compile("@@protoc_insertion_point\\(interface_extends:([\\w.]+)\\)");
  private static final Pattern FIELD_DOC = Pattern.compile(
      "<pre>\\n((?:(?!</pre>).)*?)</pre>\\s*\\n\\s*\\*\\s*\\n\\s*\\* <code>([^<]*)</code>",
      Pattern.DOTALL);

  record ProtoField(String type, Map<String, List<String>> markers, String doc) {}

  record ProtoMessage(String fullName, Map<String, List<String>> markers,
      Map<String, ProtoField> fields) {
    String definitionName() {
      String[] p = fullName.split("\\.");
      StringBuilder sb = new StringBuilder("io.k8s");
      for (int i = 2; i < p.length; i++) {
        sb.append('.').append(p[i].replace('_', '-'));
      }
      return sb.toString();
    }
  }

  private final Map<String, ProtoMessage> protos = new LinkedHashMap<>();
  private final Map<String, List<ProtoMessage>> protosBySimple = new HashMap<>();
  private final Map<String, Class<?>> classes = new TreeMap<>();
  private final Map<Class<?>, String> names = new HashMap<>();
  private final Map<String, Map<String, Object>> definitions = new TreeMap<>();
  private final Map<String, List<Map<String, String>>> kinds = new HashMap<>();
  private final Deque<Class<?>> queue = new ArrayDeque<>();

  public static void main(String[] args) throws Exception {
    GenerateSchemas g = new GenerateSchemas();
    for (int i = 3; i < args.length; i++) {
      g.readProtoSources(Path.of(args[i]));
    }
    g.inlineEmbedded();
    g.readModelClasses(Path.of(args[2]));
    g.generate(new YAMLMapper().readTree(Path.of(args[1]).toFile()));
    g.write(Path.of(args[0]));
  }

  // ---- protobuf sources: markers and packages --------------------------------------------

  private void readProtoSources(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (var e : java.util.Collections.list(zip.entries())) {
        if (!e.getName().endsWith(".java")) {
          continue;
        }
        String text = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        readProtoSource(text);
      }
    }
  }

  private void readProtoSource(String text) {
    Map<String, Map<String, List<String>>> messageMarkers = new HashMap<>();
    Matcher m = MESSAGE_DOC.matcher(text);
    while (m.find()) {
      messageMarkers.putIfAbsent(m.group(2), markers(m.group(1)));
    }
    Matcher in = INTERFACE.matcher(text);
    List<int[]> starts = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    while (in.find()) {
      starts.add(new int[] {in.start()});
      owners.add(in.group(1));
    }
    for (int i = 0; i < owners.size(); i++) {
      String owner = owners.get(i);
      ProtoMessage earlier = protos.get(owner);
      int end = text.indexOf("\n  }\n", starts.get(i)[0]);
      String body = text.substring(starts.get(i)[0], end < 0 ? text.length() : end);
      Map<String, ProtoField> fields = new LinkedHashMap<>();
      Matcher f = FIELD_DOC.matcher(body);
      while (f.find()) {
        String[] decl = f.group(2).replaceAll("\\s*=\\s*\\d+;$", "").trim().split("\\s+");
        String fieldName = decl[decl.length - 1];
        String type = decl.length >= 2 ? decl[decl.length - 2] : "";
        fields.putIfAbsent(fieldName,
            new ProtoField(type, markers(f.group(1)), description(f.group(1))));
      }
      if (earlier != null) {
        // An earlier (preferred) jar defined the message: a later one only adds fields it lacks.
        fields.forEach(earlier.fields()::putIfAbsent);
        continue;
      }
      ProtoMessage msg = new ProtoMessage(owner,
          messageMarkers.getOrDefault(owner, Map.of()), fields);
      protos.put(owner, msg);
      String[] p = owner.split("\\.");
      protosBySimple.computeIfAbsent(p[p.length - 2] + "/" + p[p.length - 1],
          k -> new ArrayList<>()).add(msg);
    }
  }

  private static Map<String, List<String>> markers(String comment) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : comment.split("\n")) {
      String l = line.replaceFirst("^\\s*\\*\\s?", "").trim();
      if (!l.startsWith("+")) {
        continue;
      }
      int eq = l.indexOf('=');
      String key = eq < 0 ? l.substring(1) : l.substring(1, eq);
      String value = eq < 0 ? "" : l.substring(eq + 1);
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /**
   * A Go doc comment as kube-openapi turns it into a description: generator markers and TODO lines
   * dropped, everything after a "---" line dropped, lines of a paragraph joined by spaces,
   * paragraphs separated by blank lines, indented and "- " lines kept on their own lines.
   */
  private static String description(String comment) {
    StringBuilder sb = new StringBuilder();
    for (String raw : comment.split("\n")) {
      String line = unescape(raw.replaceFirst("^\\s*\\*( |$)", "")).stripTrailing();
      String leading = line.stripLeading();
      if (leading.startsWith("---")) {
        break;
      }
      if (line.isEmpty()) {
        trimEnd(sb);
        sb.append("\n\n");
      } else if (leading.startsWith("TODO") || leading.startsWith("+")) {
        continue;
      } else if (line.startsWith(" ") || line.startsWith("\t") || line.startsWith("- ")) {
        trimEnd(sb);
        sb.append('\n').append(line).append('\n');
      } else {
        sb.append(line).append(' ');
      }
    }
    return sb.toString().strip();
  }

  private static void trimEnd(StringBuilder sb) {
    while (!sb.isEmpty() && sb.charAt(sb.length() - 1) == ' ') {
      sb.setLength(sb.length() - 1);
    }
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&#64;", "@").replace("&#42;", "*")
        .replace("&#47;", "/").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /**
   * Inlines embedded messages (Go's embedded structs, e.g. EphemeralContainer's
   * EphemeralContainerCommon): a field whose name is its message type's simple name in lower
   * camel case contributes that message's fields.
   */
  private void inlineEmbedded() {
    for (ProtoMessage m : protos.values()) {
      for (var e : new ArrayList<>(m.fields().entrySet())) {
        String type = e.getValue().type().replaceFirst("^\\.", "");
        ProtoMessage embedded = protos.get(type);
        String simple = type.substring(type.lastIndexOf('.') + 1);
        if (embedded != null && e.getKey().equals(
            Character.toLowerCase(simple.charAt(0)) + simple.substring(1))) {
          embedded.fields().forEach(m.fields()::putIfAbsent);
        }
      }
    }
  }

  // ---- model classes --------------------------------------------------------------------

  private void readModelClasses(Path jar) throws Exception {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (var e : java.util.Collections.list(zip.entries())) {
        String n = e.getName();
        if (n.startsWith("io/kubernetes/client/openapi/models/") && n.endsWith(".class")
            && !n.contains("$")) {
          String simple = n.substring(n.lastIndexOf('/') + 1, n.length() - 6);
          classes.put(simple, Class.forName(MODELS + simple));
        }
      }
    }
  }

  private void generate(JsonNode catalog) throws Exception {
    for (JsonNode group : catalog.get("groups")) {
      String g = group.get("group").asText();
      for (JsonNode version : group.get("versions")) {
        String v = version.get("version").asText();
        for (JsonNode r : version.get("resources")) {
          root(g, v, r.get("kind").asText());
          root(g, v, r.get("kind").asText() + "List");
          for (JsonNode s : r.path("subresources")) {
            root(s.has("group") ? s.get("group").asText() : g,
                s.has("version") ? s.get("version").asText() : v, s.get("kind").asText());
          }
        }
      }
    }
    for (String meta : List.of("V1Status", "V1DeleteOptions", "V1WatchEvent",
        "V1APIResourceList", "V1APIGroup", "V1APIGroupList", "V1APIVersions")) {
      enqueue(classes.get(meta), null);
    }
    root("", "v1", "Status");
    while (!queue.isEmpty()) {
      Class<?> c = queue.removeFirst();
      definitions.put(names.get(c), schema(c));
    }
    specialDefinitions();
  }

  private void root(String group, String version, String kind) {
    String v = Character.toUpperCase(version.charAt(0)) + version.substring(1);
    Class<?> c = classes.get(groupPrefix(group) + v + kind);
    if (c == null) {
      c = classes.get(v + kind);
    }
    if (c == null) {
      return; // options kinds of connect subresources and the like have no model class
    }
    enqueue(c, goPackage(group, version));
    Map<String, String> gvk = new LinkedHashMap<>();
    gvk.put("group", group);
    gvk.put("kind", kind);
    gvk.put("version", version);
    List<Map<String, String>> list = kinds.computeIfAbsent(names.get(c), k -> new ArrayList<>());
    if (!list.contains(gvk)) {
      list.add(gvk);
    }
  }

  private static String groupPrefix(String group) {
    String first = group.isEmpty() ? "core" : group.split("\\.")[0];
    return Character.toUpperCase(first.charAt(0)) + first.substring(1);
  }

  private static String goPackage(String group, String version) {
    return switch (group) {
      case "" -> "io.k8s.api.core." + version;
      case "apiextensions.k8s.io" -> "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions." + version;
      case "apiregistration.k8s.io" -> "io.k8s.kube-aggregator.pkg.apis.apiregistration." + version;
      case "internal.apiserver.k8s.io" -> "io.k8s.api.apiserverinternal." + version;
      default -> "io.k8s.api." + group.split("\\.")[0] + "." + version;
    };
  }

  /** Names {@code c} (proto package first, else the inherited one) and queues it once. */
  private void enqueue(Class<?> c, String inheritedPackage) {
    if (names.containsKey(c)) {
      return;
    }
    Matcher m = CLASS_NAME.matcher(c.getSimpleName());
    if (!m.matches()) {
      throw new IllegalStateException("unexpected model class name " + c.getName());
    }
    String prefix = m.group(1);
    String version = m.group(2).toLowerCase(Locale.ROOT);
    String simple = m.group(3);
    ProtoMessage proto = proto(prefix, version, simple, inheritedPackage);
    String name = proto != null ? proto.definitionName()
        : (inheritedPackage != null ? inheritedPackage : META.substring(0, META.length() - 1))
            + "." + simple;
    names.put(c, name);
    queue.addLast(c);
  }

  private ProtoMessage proto(String prefix, String version, String simple, String pkg) {
    List<ProtoMessage> candidates = protosBySimple.getOrDefault(version + "/" + simple, List.of());
    if (candidates.isEmpty()) {
      return null;
    }
    if (candidates.size() == 1 && prefix == null) {
      return candidates.get(0);
    }
    for (ProtoMessage p : candidates) {
      String def = p.definitionName();
      if (pkg != null && def.equals(pkg + "." + simple)) {
        return p;
      }
    }
    for (ProtoMessage p : candidates) {
      String[] parts = p.fullName().split("\\.");
      String group = parts[parts.length - 3];
      if (prefix != null && group.equalsIgnoreCase(prefix)) {
        return p;
      }
    }
    for (ProtoMessage p : candidates) {
      if (p.fullName().startsWith("k8s.io.apimachinery.")) {
        return p;
      }
    }
    return null;
  }

  private Map<String, Object> schema(Class<?> c) throws Exception {
    String name = names.get(c);
    String pkg = name.substring(0, name.lastIndexOf('.'));
    ProtoMessage proto = protos.values().stream()
        .filter(p -> p.definitionName().equals(name)).findFirst().orElse(null);
    Map<String, Object> s = new TreeMap<>();
    io.swagger.annotations.ApiModel model = c.getAnnotation(io.swagger.annotations.ApiModel.class);
    if (model != null && !model.description().isEmpty()) {
      s.put("description", model.description());
    }
    s.put("type", "object");
    Map<String, String> descriptions = new HashMap<>();
    for (Method method : c.getDeclaredMethods()) {
      var p = method.getAnnotation(io.swagger.annotations.ApiModelProperty.class);
      if (p != null) {
        String n = method.getName().replaceFirst("^(get|is)", "");
        descriptions.put(n.toLowerCase(Locale.ROOT), p.value());
      }
    }
    Map<String, Object> properties = new TreeMap<>();
    for (Field f : c.getDeclaredFields()) {
      var serialized = f.getAnnotation(com.google.gson.annotations.SerializedName.class);
      if (serialized == null || Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      String json = serialized.value();
      ProtoField pf = proto == null ? null : protoField(proto, json);
      Map<String, Object> prop = type(f.getGenericType(), pf, c, json, pkg);
      String d = descriptions.get(f.getName().replaceFirst("^_", "").toLowerCase(Locale.ROOT));
      if ((d == null || d.isEmpty()) && pf != null) {
        d = pf.doc(); // the Java client drops the descriptions of properties that are references
      }
      if (d != null && !d.isEmpty()) {
        prop.put("description", d);
      }
      if (pf != null) {
        fieldExtensions(pf.markers(), prop);
      }
      properties.put(json, prop);
    }
    if (!properties.isEmpty()) {
      s.put("properties", properties);
    }
    Field requiredField = c.getDeclaredField("openapiRequiredFields");
    @SuppressWarnings("unchecked")
    Collection<String> required = (Collection<String>) requiredField.get(null);
    if (!required.isEmpty()) {
      s.put("required", required.stream().sorted().toList());
    }
    if (proto != null) {
      List<String> structType = proto.markers().get("structType");
      if (structType != null && structType.contains("atomic")) {
        s.put("x-kubernetes-map-type", "atomic");
      }
    }
    List<Map<String, String>> gvks = kinds.get(name);
    if (gvks != null) {
      s.put("x-kubernetes-group-version-kind", gvks);
    }
    return s;
  }

  /**
   * The message's field, else the same field of a message it embeds (Go's inline structs become
   * a message-typed proto field, e.g. Probe's {@code handler} of type ProbeHandler).
   */
  private ProtoField protoField(ProtoMessage m, String json) {
    ProtoField direct = m.fields().get(json);
    if (direct != null) {
      return direct;
    }
    for (ProtoField f : m.fields().values()) {
      ProtoMessage embedded = protos.get(f.type().replaceFirst("^\\.", ""));
      if (embedded != null && embedded.fields().containsKey(json)) {
        return embedded.fields().get(json);
      }
    }
    // A few protobuf fields differ from their JSON name in case only (admission webhooks'
    // "Webhooks"): their markers count all the same.
    for (Map.Entry<String, ProtoField> e : m.fields().entrySet()) {
      if (e.getKey().equalsIgnoreCase(json)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static void fieldExtensions(Map<String, List<String>> markers, Map<String, Object> p) {
    first(markers, "patchMergeKey").ifPresent(v -> p.put("x-kubernetes-patch-merge-key", v));
    first(markers, "patchStrategy").ifPresent(v -> p.put("x-kubernetes-patch-strategy", v));
    first(markers, "listType").ifPresent(v -> p.put("x-kubernetes-list-type", v));
    List<String> keys = markers.get("listMapKey");
    if (keys != null) {
      p.put("x-kubernetes-list-map-keys", keys);
    }
    first(markers, "mapType").ifPresent(v -> p.put("x-kubernetes-map-type", v));
  }

  private static java.util.Optional<String> first(Map<String, List<String>> m, String key) {
    List<String> v = m.get(key);
    return v == null || v.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(v.get(0));
  }

  private Map<String, Object> type(Type t, ProtoField pf, Class<?> owner, String json,
      String pkg) {
    Map<String, Object> s = new TreeMap<>();
    if (t instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type arg = p.getActualTypeArguments()[p.getActualTypeArguments().length - 1];
      if (List.class.isAssignableFrom(raw)) {
        s.put("type", "array");
        s.put("items", type(arg, elementOf(pf), owner, json, pkg));
      } else {
        s.put("type", "object");
        s.put("additionalProperties", type(arg, elementOf(pf), owner, json, pkg));
      }
      return s;
    }
    Class<?> c = (Class<?>) t;
    String protoType = pf == null ? "" : pf.type();
    switch (c.getName()) {
      case "java.lang.String" -> s.put("type", "string");
      case "java.lang.Integer" -> { s.put("type", "integer"); s.put("format", "int32"); }
      case "java.lang.Long" -> { s.put("type", "integer"); s.put("format", "int64"); }
      case "java.lang.Boolean" -> s.put("type", "boolean");
      case "java.lang.Double", "java.lang.Float" -> { s.put("type", "number"); s.put("format", "double"); }
      case "[B" -> { s.put("type", "string"); s.put("format", "byte"); }
      case "java.time.OffsetDateTime" ->
          s.put("$ref", META + (protoType.endsWith("MicroTime") ? "MicroTime" : "Time"));
      case "io.kubernetes.client.custom.Quantity" ->
          s.put("$ref", "io.k8s.apimachinery.pkg.api.resource.Quantity");
      case "io.kubernetes.client.custom.IntOrString" ->
          s.put("$ref", "io.k8s.apimachinery.pkg.util.intstr.IntOrString");
      case "java.lang.Object" -> s.put("$ref", untyped(owner, json, protoType, pkg));
      default -> {
        if (!c.getName().startsWith(MODELS)) {
          throw new IllegalStateException("unmapped type " + c + " in " + owner + "." + json);
        }
        enqueue(c, pkg);
        s.put("$ref", names.get(c));
      }
    }
    return s;
  }

  private static ProtoField elementOf(ProtoField pf) {
    if (pf == null) {
      return null;
    }
    String t = pf.type();
    int comma = t.indexOf(',');
    return new ProtoField(comma < 0 ? t : t.substring(comma + 1).replace(">", "").trim(),
        Map.of(), "");
  }

  /** The definition behind a field the Java client types as a plain object. */
  private static String untyped(Class<?> owner, String json, String protoType, String pkg) {
    String t = protoType.startsWith(".") ? protoType.substring(1) : protoType;
    if (t.endsWith("runtime.RawExtension") || json.equals("object") || json.equals("data")) {
      return "io.k8s.apimachinery.pkg.runtime.RawExtension";
    }
    if (t.endsWith("FieldsV1") || json.equals("fieldsV1")) {
      return META + "FieldsV1";
    }
    if (owner.getSimpleName().endsWith("JSONSchemaProps")) {
      return pkg + "." + switch (json) {
        case "additionalItems", "additionalProperties" -> "JSONSchemaPropsOrBool";
        case "items" -> "JSONSchemaPropsOrArray";
        default -> "JSON";
      };
    }
    if (owner.getSimpleName().endsWith("CustomResourceSubresources") && json.equals("status")) {
      return pkg + ".CustomResourceSubresourceStatus";
    }
    if (t.isEmpty()) {
      return "io.k8s.apimachinery.pkg.runtime.RawExtension";
    }
    String[] p = t.split("\\.");
    StringBuilder sb = new StringBuilder("io.k8s");
    for (int i = 2; i < p.length; i++) {
      sb.append('.').append(p[i].replace('_', '-'));
    }
    return sb.toString();
  }

  /** Definitions the Java client maps to its own types rather than to model classes. */
  private void specialDefinitions() {
    special(META + "Time", Map.of("type", "string", "format", "date-time",
        "description", "A point in time, serialized as an RFC 3339 string in UTC."));
    special(META + "MicroTime", Map.of("type", "string", "format", "date-time",
        "description", "A point in time with microsecond precision, serialized as RFC 3339."));
    special("io.k8s.apimachinery.pkg.api.resource.Quantity", Map.of("type", "string",
        "description", "A fixed-point number with an optional suffix, e.g. 100m, 1Gi, 5e3."));
    special("io.k8s.apimachinery.pkg.util.intstr.IntOrString", Map.of("type", "string",
        "format", "int-or-string", "description", "An integer or a string."));
    special("io.k8s.apimachinery.pkg.runtime.RawExtension", Map.of("type", "object",
        "description", "An embedded object in any serialization."));
    special(META + "FieldsV1", Map.of("type", "object",
        "description", "A set of fields in the JSON format of managed fields."));
    special(META + "Patch", Map.of("type", "object",
        "description", "The body of a PATCH request, in the format its Content-Type names."));
    for (String def : new ArrayList<>(definitions.keySet())) {
      if (def.endsWith(".JSONSchemaProps")) {
        String pkg = def.substring(0, def.lastIndexOf('.'));
        special(pkg + ".JSON", Map.of("x-kubernetes-preserve-unknown-fields", true,
            "description", "Any JSON value."));
        special(pkg + ".JSONSchemaPropsOrArray", Map.of("x-kubernetes-preserve-unknown-fields",
            true, "description", "A schema or an array of schemas."));
        special(pkg + ".JSONSchemaPropsOrBool", Map.of("x-kubernetes-preserve-unknown-fields",
            true, "description", "A schema or a boolean."));
        special(pkg + ".JSONSchemaPropsOrStringArray", Map.of(
            "x-kubernetes-preserve-unknown-fields", true,
            "description", "A schema or an array of strings."));
        special(pkg + ".CustomResourceSubresourceStatus", Map.of("type", "object",
            "description", "Enables the status subresource of a custom resource."));
      }
    }
  }

  private void special(String name, Map<String, Object> schema) {
    definitions.putIfAbsent(name, new TreeMap<>(schema));
  }

  private void write(Path out) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kubernetesVersion", "1.33");
    doc.put("source", "Generated by scripts/generate-openapi-schemas.sh from "
        + "io.kubernetes:client-java-api:24.0.0 (descriptions, types, required properties) and "
        + "io.kubernetes:client-java-proto sources (list, map and patch markers), both derived "
        + "from Kubernetes 1.33 and licensed Apache-2.0 by The Kubernetes Authors.");
    doc.put("definitions", definitions);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out)) {
      { def.setLevel(9); }
    }) {
      mapper.writeValue(o, doc);
    }
    System.out.println(definitions.size() + " definitions written to " + out);
    List<String> unnamed = new ArrayList<>();
    for (var e : names.entrySet()) {
      if (protos.values().stream().noneMatch(p -> p.definitionName().equals(e.getValue()))) {
        unnamed.add(e.getValue());
      }
    }
    System.out.println("without protobuf markers: " + unnamed.stream().sorted().toList());
  }

}

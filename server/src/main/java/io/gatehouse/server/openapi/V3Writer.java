package io.gatehouse.server.openapi;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.server.openapi.Operation.Parameter;
import io.gatehouse.server.openapi.Operation.PathItem;
import io.gatehouse.server.openapi.Operation.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Renders one group/version's OpenAPI 3.0 document as kube-apiserver's {@code /openapi/v3/...}
 * shapes it: inline parameters (kubectl looks {@code fieldValidation} up by name on the PATCH
 * operation), request bodies with their media types, {@code x-kubernetes-action} and {@code
 * x-kubernetes-group-version-kind} on operations, and {@code components.schemas} where a reference
 * with siblings becomes {@code allOf: [{$ref}]}. Stateless.
 */
final class V3Writer {

  private static final String PREFIX = "#/components/schemas/";
  static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
  static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";

  private V3Writer() {}

  static Map<String, Object> document(String version, List<PathItem> paths,
      Map<String, Map<String, Object>> schemas) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.0");
    doc.put("info", Map.of("title", "Kubernetes", "version", version));
    Map<String, Object> p = new TreeMap<>();
    for (PathItem item : paths) {
      p.put(item.path(), pathItem(item));
    }
    doc.put("paths", p);
    Map<String, Object> components = new LinkedHashMap<>();
    Map<String, Object> s = new TreeMap<>();
    schemas.forEach((name, schema) -> s.put(name, definition(name, schema)));
    components.put("schemas", s);
    Map<String, Object> bearer = new LinkedHashMap<>();
    bearer.put("type", "apiKey");
    bearer.put("description", "Bearer Token authentication");
    bearer.put("name", "authorization");
    bearer.put("in", "header");
    components.put("securitySchemes", Map.of("BearerToken", bearer));
    doc.put("components", components);
    return doc;
  }

  private static Map<String, Object> pathItem(PathItem item) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Operation op : item.operations()) {
      m.put(op.method(), operation(op));
    }
    if (!item.parameters().isEmpty()) {
      m.put("parameters", item.parameters().stream().map(V3Writer::parameter).toList());
    }
    return m;
  }

  private static Map<String, Object> operation(Operation op) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tags", List.of(op.tag()));
    m.put("description", op.description());
    m.put("operationId", op.id());
    if (!op.parameters().isEmpty()) {
      m.put("parameters", op.parameters().stream().map(V3Writer::parameter).toList());
    }
    if (op.body() != null) {
      Map<String, Object> content = new LinkedHashMap<>();
      for (String type : op.body().contentTypes()) {
        content.put(type, Map.of("schema", ref(op.body().definition())));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("content", content);
      if (op.body().required()) {
        body.put("required", true);
      }
      m.put("requestBody", body);
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    op.responses().forEach((code, r) -> responses.put(code, response(r, op.action())));
    m.put("responses", responses);
    if (!op.action().isEmpty()) {
      m.put(Extensions.ACTION, op.action());
    }
    if (op.gvk() != null) {
      m.put(Extensions.GVK, gvk(op.gvk()));
    }
    return m;
  }

  private static Map<String, Object> response(Response r, String action) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("description", r.description());
    if (r.definition() != null) {
      Map<String, Object> content = new LinkedHashMap<>();
      content.put("application/json", Map.of("schema", ref(r.definition())));
      if (action.startsWith("watch") || action.equals("list")) {
        content.put("application/json;stream=watch", Map.of("schema", ref(r.definition())));
      }
      m.put("content", content);
    }
    return m;
  }

  static Map<String, Object> parameter(Parameter p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("in", p.in());
    m.put("description", p.description());
    if (p.required()) {
      m.put("required", true);
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", p.type());
    schema.put("uniqueItems", true);
    m.put("schema", schema);
    return m;
  }

  static Map<String, Object> gvk(GroupVersionKind gvk) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("group", gvk.group());
    m.put("kind", gvk.kind());
    m.put("version", gvk.version());
    return m;
  }

  private static Map<String, Object> ref(String definition) {
    return Map.of("$ref", PREFIX + definition);
  }

  /** A definition in v3 form; int-or-string and quantities become {@code oneOf} as upstream. */
  private static Object definition(String name, Map<String, Object> schema) {
    if (name.equals(INT_OR_STRING) || name.equals(QUANTITY)) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (schema.get("description") != null) {
        m.put("description", schema.get("description"));
      }
      if (name.equals(INT_OR_STRING)) {
        m.put("format", "int-or-string");
        m.put("oneOf", List.of(Map.of("type", "integer"), Map.of("type", "string")));
      } else {
        m.put("oneOf", List.of(Map.of("type", "string"), Map.of("type", "number")));
      }
      return m;
    }
    return convert(schema);
  }

  /** Converts a neutral schema tree: references get the components prefix, siblings an allOf. */
  static @Nullable Object convert(@Nullable Object node) {
    if (node instanceof Map<?, ?> map) {
      Object ref = map.get("$ref");
      Map<String, Object> out = new LinkedHashMap<>();
      if (ref instanceof String s) {
        if (map.size() == 1) {
          return ref(s);
        }
        out.put("allOf", List.of(ref(s)));
      }
      map.forEach((k, v) -> {
        if (!"$ref".equals(k)) {
          out.put((String) k, "properties".equals(k) ? convertEach(v) : convert(v));
        }
      });
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(convert(v)));
      return out;
    }
    return node;
  }

  private static Object convertEach(Object properties) {
    Map<String, Object> out = new LinkedHashMap<>();
    ((Map<?, ?>) properties).forEach((k, v) -> out.put((String) k, convert(v)));
    return out;
  }
}

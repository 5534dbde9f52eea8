package io.gatehouse.server.openapi;

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
 * Renders the Swagger 2.0 document of every served group/version, as kube-apiserver's {@code
 * /openapi/v2}: operations with {@code consumes}/{@code produces}, inline parameters (the request
 * body as an {@code in: body} parameter), {@code x-kubernetes-action} and {@code
 * x-kubernetes-group-version-kind}, and {@code definitions} whose references keep their siblings.
 * Stateless.
 */
final class V2Writer {

  private static final String PREFIX = "#/definitions/";

  private V2Writer() {}

  static Map<String, Object> document(String version, List<PathItem> paths,
      Map<String, Map<String, Object>> schemas) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("swagger", "2.0");
    doc.put("info", Map.of("title", "Kubernetes", "version", version));
    Map<String, Object> p = new TreeMap<>();
    for (PathItem item : paths) {
      p.put(item.path(), pathItem(item));
    }
    doc.put("paths", p);
    Map<String, Object> defs = new TreeMap<>();
    schemas.forEach((name, schema) -> defs.put(name, convert(schema)));
    doc.put("definitions", defs);
    Map<String, Object> bearer = new LinkedHashMap<>();
    bearer.put("description", "Bearer Token authentication");
    bearer.put("in", "header");
    bearer.put("name", "authorization");
    bearer.put("type", "apiKey");
    doc.put("securityDefinitions", Map.of("BearerToken", bearer));
    doc.put("security", List.of(Map.of("BearerToken", List.of())));
    return doc;
  }

  private static Map<String, Object> pathItem(PathItem item) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Operation op : item.operations()) {
      m.put(op.method(), operation(op));
    }
    if (!item.parameters().isEmpty()) {
      m.put("parameters", item.parameters().stream().map(V2Writer::parameter).toList());
    }
    return m;
  }

  private static Map<String, Object> operation(Operation op) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("description", op.description());
    m.put("consumes", op.body() == null ? List.of("*/*") : op.body().contentTypes());
    boolean stream = op.action().startsWith("watch") || op.action().equals("list");
    m.put("produces", stream ? List.of("application/json", "application/json;stream=watch")
        : List.of("application/json"));
    m.put("schemes", List.of("https"));
    m.put("tags", List.of(op.tag()));
    m.put("operationId", op.id());
    List<Object> params = new ArrayList<>();
    if (op.body() != null) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", "body");
      body.put("in", "body");
      if (op.body().required()) {
        body.put("required", true);
      }
      body.put("schema", Map.of("$ref", PREFIX + op.body().definition()));
      params.add(body);
    }
    op.parameters().forEach(p -> params.add(parameter(p)));
    if (!params.isEmpty()) {
      m.put("parameters", params);
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    op.responses().forEach((code, r) -> responses.put(code, response(r)));
    m.put("responses", responses);
    if (!op.action().isEmpty()) {
      m.put(Extensions.ACTION, op.action());
    }
    if (op.gvk() != null) {
      m.put(Extensions.GVK, V3Writer.gvk(op.gvk()));
    }
    return m;
  }

  private static Map<String, Object> response(Response r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("description", r.description());
    if (r.definition() != null) {
      m.put("schema", Map.of("$ref", PREFIX + r.definition()));
    }
    return m;
  }

  private static Map<String, Object> parameter(Parameter p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uniqueItems", true);
    m.put("type", p.type());
    m.put("description", p.description());
    m.put("name", p.name());
    m.put("in", p.in());
    if (p.required()) {
      m.put("required", true);
    }
    return m;
  }

  /** Converts a neutral schema tree: references get the definitions prefix. */
  static @Nullable Object convert(@Nullable Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        if ("$ref".equals(k) && v instanceof String s) {
          out.put("$ref", PREFIX + s);
        } else if ("properties".equals(k) && v instanceof Map<?, ?> props) {
          Map<String, Object> converted = new LinkedHashMap<>();
          props.forEach((name, schema) -> converted.put((String) name, convert(schema)));
          out.put("properties", converted);
        } else {
          out.put((String) k, convert(v));
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
}

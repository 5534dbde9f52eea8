package io.gatehouse.server.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a Swagger 2.0 document (as {@link V2Writer} builds it) as gnostic's protobuf {@code
 * openapi.v2.Document} — what kube-apiserver serves for {@code Accept:
 * application/com.github.proto-openapi.spec.v2@v1.0+protobuf} and kubectl decodes. Field numbers
 * are those of gnostic's {@code openapiv2/OpenAPIv2.proto}; vendor extension values are carried
 * as YAML text (JSON, which is YAML) in {@code Any.yaml}, as gnostic does. Covers the parts of the
 * document Gatehouse writes; other keys are ignored. Stateless.
 */
final class SwaggerProtobuf {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SwaggerProtobuf() {}

  static byte[] encode(Map<String, Object> doc) {
    ProtoWriter w = new ProtoWriter();
    w.string(1, str(doc.get("swagger")));
    if (doc.get("info") instanceof Map<?, ?> info) {
      ProtoWriter i = new ProtoWriter();
      i.string(1, str(info.get("title")));
      i.string(2, str(info.get("version")));
      w.message(2, i);
    }
    ProtoWriter paths = new ProtoWriter();
    map(doc.get("paths")).forEach((path, item) -> paths.message(2,
        named(path, pathItem(map(item)))));
    w.message(8, paths);
    ProtoWriter defs = new ProtoWriter();
    map(doc.get("definitions")).forEach((name, schema) ->
        defs.message(1, named(name, schema(map(schema)))));
    w.message(9, defs);
    for (Object requirement : list(doc.get("security"))) {
      ProtoWriter r = new ProtoWriter();
      map(requirement).forEach((name, scopes) -> {
        ProtoWriter array = new ProtoWriter();
        list(scopes).forEach(s -> array.string(1, str(s)));
        r.message(1, named(name, array));
      });
      w.message(12, r);
    }
    ProtoWriter securityDefs = new ProtoWriter();
    map(doc.get("securityDefinitions")).forEach((name, def) -> {
      Map<String, Object> d = map(def);
      ProtoWriter apiKey = new ProtoWriter();
      apiKey.string(1, str(d.get("type")));
      apiKey.string(2, str(d.get("name")));
      apiKey.string(3, str(d.get("in")));
      apiKey.string(4, str(d.get("description")));
      ProtoWriter item = new ProtoWriter();
      item.message(2, apiKey);
      securityDefs.message(1, named(name, item));
    });
    w.message(13, securityDefs);
    return w.toByteArray();
  }

  private static ProtoWriter pathItem(Map<String, Object> item) {
    ProtoWriter w = new ProtoWriter();
    List<String> methods = List.of("get", "put", "post", "delete", "options", "head", "patch");
    for (int i = 0; i < methods.size(); i++) {
      if (item.get(methods.get(i)) instanceof Map<?, ?> op) {
        w.message(i + 2, operation(map(op)));
      }
    }
    list(item.get("parameters")).forEach(p -> w.message(9, parameter(map(p))));
    return w;
  }

  private static ProtoWriter operation(Map<String, Object> op) {
    ProtoWriter w = new ProtoWriter();
    list(op.get("tags")).forEach(t -> w.string(1, str(t)));
    w.string(3, str(op.get("description")));
    w.string(5, str(op.get("operationId")));
    list(op.get("produces")).forEach(t -> w.string(6, str(t)));
    list(op.get("consumes")).forEach(t -> w.string(7, str(t)));
    list(op.get("parameters")).forEach(p -> w.message(8, parameter(map(p))));
    ProtoWriter responses = new ProtoWriter();
    map(op.get("responses")).forEach((code, r) -> {
      Map<String, Object> resp = map(r);
      ProtoWriter response = new ProtoWriter();
      response.string(1, str(resp.get("description")));
      if (resp.get("schema") instanceof Map<?, ?> s) {
        ProtoWriter item = new ProtoWriter();
        item.message(1, schema(map(s)));
        response.message(2, item);
      }
      ProtoWriter value = new ProtoWriter();
      value.message(1, response);
      responses.message(1, named(code, value));
    });
    w.message(9, responses);
    list(op.get("schemes")).forEach(s -> w.string(10, str(s)));
    extensions(op, w, 13);
    return w;
  }

  private static ProtoWriter parameter(Map<String, Object> p) {
    ProtoWriter parameter = new ProtoWriter();
    if ("body".equals(p.get("in"))) {
      ProtoWriter body = new ProtoWriter();
      body.string(1, str(p.get("description")));
      body.string(2, str(p.get("name")));
      body.string(3, "body");
      body.bool(4, Boolean.TRUE.equals(p.get("required")));
      body.message(5, schema(map(p.get("schema"))));
      parameter.message(1, body);
    } else {
      boolean path = "path".equals(p.get("in"));
      ProtoWriter sub = new ProtoWriter();
      sub.bool(1, Boolean.TRUE.equals(p.get("required")));
      sub.string(2, str(p.get("in")));
      sub.string(3, str(p.get("description")));
      sub.string(4, str(p.get("name")));
      sub.string(path ? 5 : 6, str(p.get("type")));
      sub.bool(path ? 19 : 20, Boolean.TRUE.equals(p.get("uniqueItems")));
      ProtoWriter nonBody = new ProtoWriter();
      nonBody.message(path ? 4 : 3, sub);
      parameter.message(2, nonBody);
    }
    ProtoWriter item = new ProtoWriter();
    item.message(1, parameter);
    return item;
  }

  private static ProtoWriter schema(Map<String, Object> s) {
    ProtoWriter w = new ProtoWriter();
    w.string(1, str(s.get("$ref")));
    w.string(2, str(s.get("format")));
    w.string(4, str(s.get("description")));
    list(s.get("required")).forEach(r -> w.string(19, str(r)));
    Object additional = s.get("additionalProperties");
    if (additional instanceof Map<?, ?> a) {
      ProtoWriter item = new ProtoWriter();
      item.message(1, schema(map(a)));
      w.message(21, item);
    } else if (additional instanceof Boolean b) {
      ProtoWriter item = new ProtoWriter();
      item.bool(2, b);
      w.message(21, item);
    }
    if (s.get("type") instanceof String type) {
      ProtoWriter t = new ProtoWriter();
      t.string(1, type);
      w.message(22, t);
    }
    if (s.get("items") instanceof Map<?, ?> items) {
      ProtoWriter t = new ProtoWriter();
      t.message(1, schema(map(items)));
      w.message(23, t);
    }
    list(s.get("allOf")).forEach(a -> w.message(24, schema(map(a))));
    if (s.get("properties") instanceof Map<?, ?> props) {
      ProtoWriter p = new ProtoWriter();
      map(props).forEach((name, prop) -> p.message(1, named(name, schema(map(prop)))));
      w.message(25, p);
    }
    extensions(s, w, 31);
    return w;
  }

  /** Writes every {@code x-…} key of {@code node} as a NamedAny with its value as YAML. */
  private static void extensions(Map<String, Object> node, ProtoWriter w, int field) {
    node.forEach((k, v) -> {
      if (k.startsWith("x-")) {
        ProtoWriter any = new ProtoWriter();
        any.string(2, yaml(v));
        w.message(field, named(k, any));
      }
    });
  }

  private static String yaml(@Nullable Object value) {
    try {
      return JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProtoWriter named(String name, ProtoWriter value) {
    ProtoWriter w = new ProtoWriter();
    w.string(1, name);
    w.message(2, value);
    return w;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(@Nullable Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static String str(@Nullable Object o) {
    return o == null ? "" : o.toString();
  }
}

package io.gatehouse.auth.serviceaccount;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Token payloads to and from JSON as go-jose and Go's {@code encoding/json} write and read them:
 * keys sorted at every level (go-jose normalizes claims through a map), empty registered claims
 * omitted, the audience always an array, NumericDates as integers; on reading an audience may be a
 * string or an array and a NumericDate any number (truncated). Stateless.
 */
final class ClaimsJson {

  /** A payload that does not decode into the claims (Go's JSON unmarshalling error). */
  static final class MalformedClaims extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedClaims(String message) {
      super(message, null, false, false);
    }
  }

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final double MAX_NUMERIC_DATE = Math.pow(2, 62);

  private ClaimsJson() {}

  static byte[] write(TokenClaims c) {
    Map<String, Object> m = new TreeMap<>();
    putIfNotEmpty(m, "iss", c.issuer());
    putIfNotEmpty(m, "sub", c.subject());
    if (!c.audiences().isEmpty()) {
      m.put("aud", c.audiences());
    }
    putIfPresent(m, "exp", c.expiry());
    putIfPresent(m, "nbf", c.notBefore());
    putIfPresent(m, "iat", c.issuedAt());
    putIfNotEmpty(m, "jti", c.id());
    if (c.kubernetes() != null) {
      KubernetesClaims k = c.kubernetes();
      Map<String, Object> km = new TreeMap<>();
      putIfNotEmpty(km, "namespace", k.namespace());
      km.put("serviceaccount", ref(k.serviceAccount()));
      if (k.pod() != null) {
        km.put("pod", ref(k.pod()));
      }
      if (k.secret() != null) {
        km.put("secret", ref(k.secret()));
      }
      if (k.node() != null) {
        km.put("node", ref(k.node()));
      }
      putIfPresent(km, "warnafter", k.warnAfter());
      m.put("kubernetes.io", km);
    }
    if (c.legacy() != null) {
      m.put(LegacyClaims.NAME, c.legacy().serviceAccountName());
      m.put(LegacyClaims.UID, c.legacy().serviceAccountUid());
      m.put(LegacyClaims.SECRET, c.legacy().secretName());
      m.put(LegacyClaims.NAMESPACE, c.legacy().namespace());
    }
    try {
      return JSON.writeValueAsBytes(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads the payload; the private claims are read for both kinds of token ({@code legacy} only
   * when {@code withLegacy}).
   */
  static TokenClaims read(byte[] payload, boolean withLegacy) throws MalformedClaims {
    return read(tree(payload), withLegacy);
  }

  /** Parses the payload JSON (any JSON value; {@link #read(JsonNode, boolean)} wants an object). */
  static JsonNode tree(byte[] payload) throws MalformedClaims {
    try {
      JsonNode root = JSON.readTree(payload);
      if (root == null) {
        throw new MalformedClaims("unexpected end of JSON input");
      }
      return root;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MalformedClaims("invalid JSON in JWT claims: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedClaims("invalid JSON in JWT claims: " + e.getMessage());
    }
  }

  /** Reads claims from a parsed payload. */
  static TokenClaims read(JsonNode root, boolean withLegacy) throws MalformedClaims {
    if (!root.isObject()) {
      throw new MalformedClaims("json: cannot unmarshal " + kind(root)
          + " into Go value of type jwt.Claims");
    }
    KubernetesClaims k = null;
    JsonNode kn = root.path("kubernetes.io");
    if (kn.isObject()) {
      k = new KubernetesClaims(string(kn, "namespace"), refOrEmpty(kn.path("serviceaccount")),
          ref(kn.path("pod")), ref(kn.path("secret")), ref(kn.path("node")),
          date(kn, "warnafter"));
    } else if (!kn.isMissingNode() && !kn.isNull()) {
      throw mismatch(kn, "kubernetes.io", "serviceaccount.kubernetes");
    }
    LegacyClaims legacy = withLegacy ? new LegacyClaims(string(root, LegacyClaims.NAME),
        string(root, LegacyClaims.UID), string(root, LegacyClaims.SECRET),
        string(root, LegacyClaims.NAMESPACE)) : null;
    return new TokenClaims(string(root, "iss"), string(root, "sub"), audiences(root),
        date(root, "exp"), date(root, "nbf"), date(root, "iat"), string(root, "jti"), k, legacy);
  }

  private static List<String> audiences(JsonNode root) throws MalformedClaims {
    JsonNode a = root.path("aud");
    if (a.isMissingNode()) {
      return List.of();
    }
    if (a.isTextual()) {
      return List.of(a.asText());
    }
    if (a.isArray()) {
      List<String> out = new ArrayList<>();
      for (JsonNode e : a) {
        if (!e.isTextual()) {
          throw new MalformedClaims("go-jose/go-jose/jwt: expected string or array value to "
              + "unmarshal to Audience");
        }
        out.add(e.asText());
      }
      return out;
    }
    throw new MalformedClaims(
        "go-jose/go-jose/jwt: expected string or array value to unmarshal to Audience");
  }

  private static @Nullable Long date(JsonNode parent, String field) throws MalformedClaims {
    JsonNode n = parent.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isNumber() || Math.abs(n.asDouble()) >= MAX_NUMERIC_DATE) {
      throw new MalformedClaims(
          "go-jose/go-jose/jwt: expected number value to unmarshal into NumericDate");
    }
    return (long) n.asDouble();
  }

  private static String string(JsonNode parent, String field) throws MalformedClaims {
    JsonNode n = parent.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return "";
    }
    if (!n.isTextual()) {
      throw mismatch(n, field, "string");
    }
    return n.asText();
  }

  private static @Nullable ObjectRef ref(JsonNode n) throws MalformedClaims {
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    return refOrEmpty(n);
  }

  private static ObjectRef refOrEmpty(JsonNode n) throws MalformedClaims {
    if (n.isMissingNode() || n.isNull()) {
      return new ObjectRef("", "");
    }
    if (!n.isObject()) {
      throw mismatch(n, "ref", "serviceaccount.ref");
    }
    return new ObjectRef(string(n, "name"), string(n, "uid"));
  }

  private static MalformedClaims mismatch(JsonNode n, String field, String goType) {
    return new MalformedClaims("json: cannot unmarshal " + kind(n) + " into Go struct field "
        + field + " of type " + goType);
  }

  private static String kind(@Nullable JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    return switch (n.getNodeType()) {
      case ARRAY -> "array";
      case BOOLEAN -> "bool";
      case NUMBER -> "number";
      case OBJECT -> "object";
      case STRING -> "string";
      case NULL, MISSING, BINARY, POJO -> "value";
    };
  }

  private static Map<String, String> ref(ObjectRef r) {
    Map<String, String> m = new TreeMap<>();
    putIfNotEmpty(m, "name", r.name());
    putIfNotEmpty(m, "uid", r.uid());
    return m;
  }

  private static <V> void putIfNotEmpty(Map<String, V> m, String key, String value) {
    if (!value.isEmpty()) {
      @SuppressWarnings("unchecked")
      V v = (V) value;
      m.put(key, v);
    }
  }

  private static void putIfPresent(Map<String, Object> m, String key, @Nullable Long value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}

package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * List continue tokens shaped as kube-apiserver's etcd3 store shapes them: unpadded URL-safe
 * base64 of {@code {"v":"meta.k8s.io/v1","rv":<revision>,"start":"<next key>\u0000"}}, where the
 * key is relative to the list's prefix. Immutable.
 *
 * @param revision the revision every page is read at
 * @param lastKey the relative key of the last object returned
 */
record ContinueToken(long revision, String lastKey) {

  String encode() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("v", "meta.k8s.io/v1");
    m.put("rv", revision);
    m.put("start", lastKey + "\u0000");
    byte[] json = GoJson.encode(m);
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(java.util.Arrays.copyOf(json, json.length - 1));
  }

  /**
   * Decodes a token.
   *
   * @throws StatusException 400 with upstream's texts for a malformed token
   */
  static ContinueToken decode(String token) {
    byte[] json;
    try {
      json = Base64.getUrlDecoder().decode(token.replace("=", ""));
    } catch (IllegalArgumentException e) {
      throw invalid("illegal base64 data at input byte 0");
    }
    Object value;
    try {
      value = BodyDecoder.decode(json, "application/json").value();
    } catch (StatusException e) {
      throw invalid("invalid character in continue token");
    }
    if (!(value instanceof Map<?, ?> m) || !"meta.k8s.io/v1".equals(m.get("v"))) {
      throw invalid("server does not recognize this encoding");
    }
    if (!(m.get("rv") instanceof Long rv) || rv == 0 || !(m.get("start") instanceof String start)) {
      throw invalid("incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
    }
    String key = start.endsWith("\u0000") ? start.substring(0, start.length() - 1) : start;
    if (key.startsWith("/") || key.contains("/../") || key.equals("..")) {
      throw invalid("continue key is not valid: invalid path");
    }
    return new ContinueToken(rv, key);
  }

  private static StatusException invalid(String detail) {
    return StatusException.badRequest("continue key is not valid: " + detail);
  }
}

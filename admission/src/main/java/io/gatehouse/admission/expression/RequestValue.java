package io.gatehouse.admission.expression;

import dev.cel.common.values.NullValue;
import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.cel.CelValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the runtime value of {@code request}: an {@code admission/v1} {@code AdmissionRequest} as
 * upstream's {@code CreateAdmissionRequest} fills it, converted as {@code
 * DefaultUnstructuredConverter} would. Fields tagged {@code omitempty} are absent when empty
 * ({@code name} of a generateName CREATE, {@code subResource}, {@code userInfo.groups}, {@code
 * userInfo.extra}); {@code object} and {@code oldObject} are null.
 *
 * <p>Stateless; thread-safe.
 */
public final class RequestValue {

  private RequestValue() {}

  /**
   * Returns the {@code request} value for {@code attributes} matched as {@code kind}/{@code
   * resource} (the equivalent ones when matched by equivalence); {@code requestKind} and {@code
   * requestResource} stay the request's own.
   */
  public static Map<String, Object> of(
      AdmissionAttributes attributes, GroupVersionResource resource, GroupVersionKind kind) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uid", "");
    m.put("kind", kind(kind));
    m.put("resource", resource(resource));
    putIfNotEmpty(m, "subResource", attributes.subresource());
    m.put("requestKind", kind(attributes.kind()));
    m.put("requestResource", resource(attributes.resource()));
    putIfNotEmpty(m, "requestSubResource", attributes.subresource());
    putIfNotEmpty(m, "name", attributes.name());
    putIfNotEmpty(m, "namespace", attributes.namespace());
    m.put("operation", attributes.operation().name());
    m.put("userInfo", userInfo(attributes.userInfo()));
    m.put("object", NullValue.NULL_VALUE);
    m.put("oldObject", NullValue.NULL_VALUE);
    m.put("dryRun", attributes.dryRun());
    m.put("options", CelValues.fromJson(attributes.operationOptions()));
    return m;
  }

  private static Map<String, Object> kind(GroupVersionKind k) {
    return Map.of("group", k.group(), "version", k.version(), "kind", k.kind());
  }

  private static Map<String, Object> resource(GroupVersionResource r) {
    return Map.of("group", r.group(), "version", r.version(), "resource", r.resource());
  }

  private static Map<String, Object> userInfo(UserInfo user) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIfNotEmpty(m, "username", user.name());
    putIfNotEmpty(m, "uid", user.uid());
    if (!user.groups().isEmpty()) {
      m.put("groups", List.copyOf(user.groups()));
    }
    if (!user.extra().isEmpty()) {
      Map<String, Object> extra = new LinkedHashMap<>();
      user.extra().forEach((k, v) -> extra.put(k, new ArrayList<Object>(v)));
      m.put("extra", extra);
    }
    return m;
  }

  private static void putIfNotEmpty(Map<String, Object> m, String key, String value) {
    if (!value.isEmpty()) {
      m.put(key, value);
    }
  }
}

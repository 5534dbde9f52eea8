package io.gatehouse.auth.review;

import io.gatehouse.api.authz.UserInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@code authentication.k8s.io/v1} UserInfo as the API serializes it: {@code username}, {@code
 * uid}, {@code groups}, {@code extra} (keys sorted, as Go writes maps), each omitted when empty.
 * Stateless.
 */
final class UserInfoJson {

  private UserInfoJson() {}

  static Map<String, Object> of(UserInfo user) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!user.name().isEmpty()) {
      out.put("username", user.name());
    }
    if (!user.uid().isEmpty()) {
      out.put("uid", user.uid());
    }
    if (!user.groups().isEmpty()) {
      out.put("groups", user.groups());
    }
    if (!user.extra().isEmpty()) {
      out.put("extra", new TreeMap<>(user.extra()));
    }
    return out;
  }
}

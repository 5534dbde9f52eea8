package io.gatehouse.admission.validating;

import io.gatehouse.api.Unstructured;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The API defaults of {@code admissionregistration.k8s.io} v1, v1beta1 and v1alpha1 for policies
 * and bindings: {@code failurePolicy: Fail}; in every {@code MatchResources} {@code matchPolicy:
 * Equivalent} and {@code {}} selectors; {@code scope: "*"} in every rule; and, in v1alpha1 only,
 * {@code paramRef.parameterNotFoundAction: Deny}.
 *
 * <p>Stateless; thread-safe. Works on deep copies: the input is not modified.
 */
final class Defaults {

  private Defaults() {}

  /** Returns a defaulted copy of a policy. */
  static Map<String, @Nullable Object> policy(Unstructured policy) {
    Map<String, @Nullable Object> copy = policy.deepCopy().object();
    Map<String, @Nullable Object> spec = child(copy, "spec");
    if (spec != null) {
      spec.putIfAbsent("failurePolicy", "Fail");
      matchResources(child(spec, "matchConstraints"));
    }
    return copy;
  }

  /** Returns a defaulted copy of a binding. */
  static Map<String, @Nullable Object> binding(Unstructured binding) {
    Map<String, @Nullable Object> copy = binding.deepCopy().object();
    Map<String, @Nullable Object> spec = child(copy, "spec");
    if (spec != null) {
      matchResources(child(spec, "matchResources"));
      Map<String, @Nullable Object> paramRef = child(spec, "paramRef");
      if (paramRef != null && binding.apiVersion().endsWith("/v1alpha1")) {
        paramRef.putIfAbsent("parameterNotFoundAction", "Deny");
      }
    }
    return copy;
  }

  private static void matchResources(@Nullable Map<String, @Nullable Object> m) {
    if (m == null) {
      return;
    }
    m.putIfAbsent("matchPolicy", "Equivalent");
    if (m.get("namespaceSelector") == null) {
      m.put("namespaceSelector", new LinkedHashMap<String, Object>());
    }
    if (m.get("objectSelector") == null) {
      m.put("objectSelector", new LinkedHashMap<String, Object>());
    }
    rules(m.get("resourceRules"));
    rules(m.get("excludeResourceRules"));
  }

  @SuppressWarnings("unchecked")
  private static void rules(@Nullable Object rules) {
    if (rules instanceof List<?> list) {
      for (Object rule : list) {
        if (rule instanceof Map<?, ?> r && r.get("scope") == null) {
          ((Map<String, Object>) r).put("scope", "*");
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, @Nullable Object> child(Map<String, @Nullable Object> m, String key) {
    return m.get(key) instanceof Map<?, ?> c ? (Map<String, @Nullable Object>) c : null;
  }
}

package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * admissionregistration.k8s.io ({@code pkg/apis/admissionregistration/v1/defaults.go}, {@code
 * v1beta1/}, {@code v1alpha1/}). v1 webhooks: failurePolicy Fail, matchPolicy Equivalent, empty
 * namespace and object selectors, timeoutSeconds 10, reinvocationPolicy Never (mutating), service
 * port 443, rule scope {@code *}. ValidatingAdmissionPolicy (v1, v1beta1, v1alpha1): failurePolicy
 * Fail; match resources of policies and bindings: matchPolicy Equivalent, empty selectors, rule
 * scope {@code *}; v1alpha1 binding params: parameterNotFoundAction Deny. Stateless.
 */
final class AdmissionRegistrationDefaults {

  private static final String GROUP = "admissionregistration.k8s.io";

  private AdmissionRegistrationDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    Map<GroupVersionKind, KindDefaulter> k = new LinkedHashMap<>();
    k.put(kind("v1", "ValidatingWebhookConfiguration"), (o, f) -> webhooks(o, false));
    k.put(kind("v1", "MutatingWebhookConfiguration"), (o, f) -> webhooks(o, true));
    for (String version : new String[] {"v1", "v1beta1", "v1alpha1"}) {
      k.put(kind(version, "ValidatingAdmissionPolicy"), (o, f) -> policy(o));
      boolean paramDefaults = version.equals("v1alpha1");
      k.put(kind(version, "ValidatingAdmissionPolicyBinding"), (o, f) -> binding(o, paramDefaults));
    }
    return k;
  }

  private static GroupVersionKind kind(String version, String kind) {
    return new GroupVersionKind(GROUP, version, kind);
  }

  private static void webhooks(Map<String, @Nullable Object> config, boolean mutating) {
    for (Map<String, @Nullable Object> w : Fields.maps(config, "webhooks")) {
      Fields.setIfUnset(w, "failurePolicy", "Fail");
      Fields.setIfUnset(w, "matchPolicy", "Equivalent");
      Fields.setIfUnset(w, "namespaceSelector", Fields.object());
      Fields.setIfUnset(w, "objectSelector", Fields.object());
      Fields.setIfUnset(w, "timeoutSeconds", 10L);
      if (mutating) {
        Fields.setIfUnset(w, "reinvocationPolicy", "Never");
      }
      Map<String, @Nullable Object> clientConfig = Fields.map(w, "clientConfig");
      Map<String, @Nullable Object> service =
          clientConfig == null ? null : Fields.map(clientConfig, "service");
      if (service != null) {
        Fields.setIfUnset(service, "port", 443L);
      }
      for (Map<String, @Nullable Object> rule : Fields.maps(w, "rules")) {
        Fields.setIfUnset(rule, "scope", "*");
      }
    }
  }

  private static void policy(Map<String, @Nullable Object> policy) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(policy, "spec");
    if (spec == null) {
      return;
    }
    Fields.setIfUnset(spec, "failurePolicy", "Fail");
    matchResources(Fields.map(spec, "matchConstraints"));
  }

  private static void binding(Map<String, @Nullable Object> binding, boolean paramDefaults) {
    Map<String, @Nullable Object> spec = Fields.map(binding, "spec");
    if (spec == null) {
      return;
    }
    matchResources(Fields.map(spec, "matchResources"));
    Map<String, @Nullable Object> paramRef = Fields.map(spec, "paramRef");
    if (paramDefaults && paramRef != null) {
      Fields.setIfUnset(paramRef, "parameterNotFoundAction", "Deny");
    }
  }

  private static void matchResources(@Nullable Map<String, @Nullable Object> match) {
    if (match == null) {
      return;
    }
    Fields.setIfUnset(match, "matchPolicy", "Equivalent");
    Fields.setIfUnset(match, "namespaceSelector", Fields.object());
    Fields.setIfUnset(match, "objectSelector", Fields.object());
    for (String list : new String[] {"resourceRules", "excludeResourceRules"}) {
      for (Map<String, @Nullable Object> rule : Fields.maps(match, list)) {
        Fields.setIfUnset(rule, "scope", "*");
      }
    }
  }
}

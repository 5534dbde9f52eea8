package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * apiextensions.k8s.io/v1 ({@code apiextensions-apiserver/pkg/apis/apiextensions/v1/defaults.go}):
 * a CustomResourceDefinition's singular name is its lower-cased kind, its list kind {@code
 * <Kind>List}, its conversion strategy None, a conversion webhook service's port 443, and {@code
 * status.storedVersions} starts with the storage version. Stateless.
 */
final class ApiExtensionsDefaults {

  private ApiExtensionsDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    return Map.of(new GroupVersionKind("apiextensions.k8s.io", "v1", "CustomResourceDefinition"),
        (o, f) -> crd(o));
  }

  private static void crd(Map<String, @Nullable Object> crd) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(crd, "spec");
    if (spec == null) {
      return;
    }
    Map<String, @Nullable Object> names = Fields.mapOrCreate(spec, "names");
    if (names != null) {
      String kind = Fields.string(names, "kind");
      Fields.setIfBlank(names, "singular", kind.toLowerCase(Locale.ROOT));
      if (Fields.blank(names, "listKind") && !kind.isEmpty()) {
        names.put("listKind", kind + "List");
      }
    }
    Fields.setIfUnset(spec, "conversion", Fields.object("strategy", "None"));
    Map<String, @Nullable Object> conversion = Fields.map(spec, "conversion");
    Map<String, @Nullable Object> webhook =
        conversion == null ? null : Fields.map(conversion, "webhook");
    Map<String, @Nullable Object> clientConfig =
        webhook == null ? null : Fields.map(webhook, "clientConfig");
    Map<String, @Nullable Object> service =
        clientConfig == null ? null : Fields.map(clientConfig, "service");
    if (service != null) {
      Fields.setIfUnset(service, "port", 443L);
    }
    Map<String, @Nullable Object> status = Fields.map(crd, "status");
    if (status != null && !Fields.empty(status, "storedVersions")) {
      return;
    }
    for (Map<String, @Nullable Object> version : Fields.maps(spec, "versions")) {
      if (Boolean.TRUE.equals(version.get("storage"))) {
        status = Fields.mapOrCreate(crd, "status");
        if (status != null) {
          status.put("storedVersions", Fields.list(Fields.string(version, "name")));
        }
        break;
      }
    }
  }
}

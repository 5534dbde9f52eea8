package io.gatehouse.server.schema;

import io.gatehouse.api.validation.NameValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * apiextensions' {@code objectmeta} package for what a structural schema marks as a resource:
 * {@link #coerce} drops unknown {@code metadata} fields of the root and of every {@code
 * x-kubernetes-embedded-resource} object (upstream round-trips metadata through {@code
 * ObjectMeta}); {@link #validate} checks embedded resources' {@code apiVersion}, {@code kind} and
 * {@code metadata} ({@code ValidateObjectMeta} with path-segment names). Stateless.
 */
public final class EmbeddedResources {

  private EmbeddedResources() {}

  /**
   * Removes unknown metadata fields of the root and of embedded resources, in place (upstream's
   * {@code objectmeta.CoerceWithOptions} on a resource root, keeping invalid fields).
   *
   * @return the removed fields' paths ({@code metadata.foo}, {@code spec.template.metadata.bar}),
   *     sorted
   * @throws CoercionException if an embedded resource's {@code apiVersion} or {@code kind} is not
   *     a string
   */
  public static List<String> coerce(Map<String, @Nullable Object> object,
      @Nullable JsonSchema schema) {
    List<String> unknown = new ArrayList<>();
    coerceMeta(null, object, unknown);
    walk(null, object, schema, unknown);
    java.util.Collections.sort(unknown);
    return unknown;
  }

  private static void coerceMeta(@Nullable String path, Map<?, ?> object, List<String> unknown) {
    for (String k : List.of("apiVersion", "kind")) {
      if (object.containsKey(k) && !(object.get(k) instanceof String)) {
        throw new CoercionException(FieldError.invalid(Path.child(path, k), object.get(k),
            "must be a string"));
      }
    }
    if (object.get("metadata") instanceof Map<?, ?> meta) {
      String prefix = Path.print(Path.child(path, "metadata"));
      for (Object k : meta.keySet()) {
        if (!ObjectMetaValidation.FIELDS.contains(String.valueOf(k))) {
          unknown.add(prefix + "." + k);
        }
      }
      meta.keySet().removeIf(k -> !ObjectMetaValidation.FIELDS.contains(String.valueOf(k)));
    }
  }

  private static void walk(@Nullable String path, @Nullable Object x, @Nullable JsonSchema s,
      List<String> unknown) {
    if (s == null) {
      return;
    }
    if (x instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = String.valueOf(e.getKey());
        JsonSchema sub = s.properties.get(k);
        String child = sub != null ? Path.child(path, k) : Path.key(path, k);
        if (sub == null) {
          sub = s.additionalPropertiesSchema();
        }
        if (sub != null && sub.xEmbeddedResource && e.getValue() instanceof Map<?, ?> inner) {
          coerceMeta(child, inner, unknown);
        }
        walk(child, e.getValue(), sub, unknown);
      }
    } else if (x instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        Object item = l.get(i);
        if (s.items != null && s.items.xEmbeddedResource && item instanceof Map<?, ?> inner) {
          coerceMeta(Path.index(path, i), inner, unknown);
        }
        walk(Path.index(path, i), item, s.items, unknown);
      }
    }
  }

  /** {@code objectmeta.Validate(nil, obj, s, false)}: the embedded resources of {@code obj}. */
  public static List<FieldError> validate(Map<?, ?> obj, @Nullable JsonSchema s) {
    List<FieldError> errs = new ArrayList<>();
    validate(null, obj, s, errs);
    return errs;
  }

  private static void validate(@Nullable String path, @Nullable Object x, @Nullable JsonSchema s,
      List<FieldError> errs) {
    if (s == null) {
      return;
    }
    if (x instanceof Map<?, ?> m) {
      if (s.xEmbeddedResource) {
        errs.addAll(embedded(path, m));
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = String.valueOf(e.getKey());
        JsonSchema prop = s.properties.get(k);
        if (prop != null) {
          validate(Path.child(path, k), e.getValue(), prop, errs);
        } else if (s.additionalProperties != null) {
          validate(Path.key(path, k), e.getValue(), s.additionalPropertiesSchema(), errs);
        }
      }
    } else if (x instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        validate(Path.index(path, i), l.get(i), s.items, errs);
      }
    }
  }

  private static List<FieldError> embedded(@Nullable String path, Map<?, ?> x) {
    List<FieldError> errs = new ArrayList<>();
    if (!x.containsKey("apiVersion")) {
      errs.add(FieldError.required(Path.child(path, "apiVersion"), ""));
    }
    if (!x.containsKey("kind")) {
      errs.add(FieldError.required(Path.child(path, "kind"), ""));
    }
    for (Map.Entry<?, ?> e : x.entrySet()) {
      Object v = e.getValue();
      switch (String.valueOf(e.getKey())) {
        case "apiVersion" -> {
          String p = Path.child(path, "apiVersion");
          if (!(v instanceof String apiVersion)) {
            errs.add(FieldError.invalid(p, v, "must be a string"));
          } else if (apiVersion.isEmpty()) {
            errs.add(FieldError.required(p, ""));
          } else if (apiVersion.chars().filter(c -> c == '/').count() > 1) {
            errs.add(FieldError.invalid(p, apiVersion, "unexpected GroupVersion string: "
                + apiVersion));
          }
        }
        case "kind" -> {
          String p = Path.child(path, "kind");
          if (!(v instanceof String kind)) {
            errs.add(FieldError.invalid(p, v, "must be a string"));
          } else if (kind.isEmpty()) {
            errs.add(FieldError.required(p, ""));
          } else {
            List<String> bad = NameValidation.isDns1035Label(kind.toLowerCase(Locale.ROOT));
            if (!bad.isEmpty()) {
              errs.add(FieldError.invalid(p, kind, "may have mixed case, but should otherwise"
                  + " match: " + String.join(",", bad)));
            }
          }
        }
        case "metadata" -> {
          String p = Path.child(path, "metadata");
          if (v instanceof Map<?, ?> meta) {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) meta);
            if (ObjectMetaValidation.string(copy, "name").isEmpty()) {
              copy.put("name", "fakename");
            }
            boolean namespaced = !ObjectMetaValidation.string(copy, "namespace").isEmpty();
            errs.addAll(ObjectMetaValidation.validate(copy, namespaced,
                ObjectMetaValidation.PATH_SEGMENT, p));
          } else {
            errs.add(FieldError.invalid(p, v, "json: cannot unmarshal " + OpenApiValidator
                .jsonType(v == null ? "" : v) + " into Go value of type v1.ObjectMeta"));
          }
        }
        default -> { }
      }
    }
    return errs;
  }
}

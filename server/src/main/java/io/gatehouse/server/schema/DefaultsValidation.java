package io.gatehouse.server.schema;

import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * apiextensions' {@code defaulting.ValidateDefaults}: every {@code default} outside resource
 * metadata must be pruned ({@code must not have unknown fields}), must hold valid embedded
 * resources and must validate against its own node; {@code additionalProperties} are not followed
 * (defaults are forbidden there). Defaults inside {@code apiVersion}/{@code kind}/{@code metadata}
 * of a resource are not checked here (upstream checks them on a synthetic surrounding object).
 * Stateless.
 */
final class DefaultsValidation {

  private static final Set<String> META = Set.of("apiVersion", "kind", "metadata");

  private DefaultsValidation() {}

  static List<FieldError> validate(String path, JsonSchema root, boolean requirePruned) {
    List<FieldError> errs = new ArrayList<>();
    walk(path, root, true, false, requirePruned, errs);
    return errs;
  }

  private static void walk(String path, JsonSchema s, boolean resource, boolean insideMeta,
      boolean requirePruned, List<FieldError> errs) {
    boolean embedded = resource || s.xEmbeddedResource;
    if (s.xEmbeddedResource) {
      insideMeta = false;
    }
    if (s.hasDefault && !insideMeta) {
      Object dflt = s.defaultValue;
      String p = Path.child(path, "default");
      if (requirePruned) {
        Object pruned = copy(dflt);
        Pruning.prune(pruned, s, s.xEmbeddedResource);
        if (!java.util.Objects.equals(pruned, dflt)) {
          errs.add(FieldError.invalid(p, dflt, "must not have unknown fields"));
        }
      }
      List<FieldError> meta = s.xEmbeddedResource && dflt instanceof Map<?, ?> m
          ? EmbeddedResources.validate(m, s).stream().map(e -> e.under(p)).toList() : List.of();
      if (!meta.isEmpty()) {
        errs.addAll(meta);
      } else {
        errs.addAll(SchemaValidation.validate(s, dflt, p));
      }
    }
    if (s.items != null) {
      walk(Path.child(path, "items"), s.items, false, insideMeta, requirePruned, errs);
    }
    for (Map.Entry<String, JsonSchema> e : new TreeMap<>(s.properties).entrySet()) {
      boolean subMeta = insideMeta || (embedded && META.contains(e.getKey()));
      walk(Path.key(Path.child(path, "properties"), e.getKey()), e.getValue(), false, subMeta,
          requirePruned, errs);
    }
  }

  private static @Nullable Object copy(@Nullable Object v) {
    if (v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      return Unstructured.copyOf(map).object();
    }
    if (v instanceof List<?> l) {
      return Unstructured.copyOf(Map.of("l", l)).object().get("l");
    }
    return v;
  }
}

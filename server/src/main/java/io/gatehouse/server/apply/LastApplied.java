package io.gatehouse.server.apply;

import io.gatehouse.api.GroupVersionKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The client-side-apply annotation as server-side apply treats it for the {@code kubectl}
 * manager (upstream's {@code lastAppliedManager} and {@code lastAppliedUpdater}): conflicts on
 * fields whose live value still equals the annotation's are allowed (the upgrade from {@code
 * kubectl apply} to {@code kubectl apply --server-side}), and an existing annotation is rewritten
 * to the applied configuration. Stateless.
 */
final class LastApplied {

  static final String KUBECTL = "kubectl";
  static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

  private LastApplied() {}

  private static @Nullable String value(Map<String, @Nullable Object> obj) {
    if (FieldManager.metadata(obj).get("annotations") instanceof Map<?, ?> a
        && a.get(ANNOTATION) instanceof String s && !s.isEmpty()) {
      return s;
    }
    return null;
  }

  static boolean has(Map<String, @Nullable Object> obj) {
    return value(obj) != null;
  }

  /** The annotation for {@code config}: its JSON (sorted keys) without the annotation itself. */
  static String build(Map<String, @Nullable Object> config) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(config);
    if (config.get("metadata") instanceof Map<?, ?> meta
        && meta.get("annotations") instanceof Map<?, ?> annotations) {
      Map<Object, Object> m = new LinkedHashMap<>(meta);
      Map<Object, Object> a = new LinkedHashMap<>(annotations);
      a.remove(ANNOTATION);
      m.put("annotations", a);
      copy.put("metadata", m);
    }
    return Values.json(copy, true) + "\n";
  }

  @SuppressWarnings("unchecked")
  static void set(Map<String, @Nullable Object> obj, String value) {
    Map<String, @Nullable Object> meta = (Map<String, @Nullable Object>) obj.get("metadata");
    ((Map<String, @Nullable Object>) meta.get("annotations")).put(ANNOTATION, value);
  }

  /**
   * Returns the fields whose conflicts the annotation allows: those it sets to the value the live
   * object has; null when there is no usable annotation.
   */
  static @Nullable FieldSet allowedConflicts(SchemaType type, GroupVersionKind kind,
      Map<String, @Nullable Object> live) {
    String annotation = value(live);
    if (annotation == null) {
      return null;
    }
    Object parsed;
    try {
      parsed = PathElement.Json.read(annotation);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!(parsed instanceof Map<?, ?> lastApplied)
        || !kind.apiVersion().equals(lastApplied.get("apiVersion"))) {
      return null;
    }
    Map<String, @Nullable Object> bareLive = new LinkedHashMap<>(live);
    if (live.get("metadata") instanceof Map<?, ?> meta) {
      Map<Object, Object> m = new LinkedHashMap<>(meta);
      m.remove("managedFields");
      bareLive.put("metadata", m);
    }
    if (Validation.validate(type, lastApplied, false) != null
        || Validation.validate(type, bareLive, true) != null) {
      return null;
    }
    FieldSet set = FieldSetWalk.toFieldSet(type, lastApplied);
    Comparison c = Comparison.of(type, lastApplied, bareLive);
    return set.difference(c.modified()).difference(c.added()).difference(c.removed());
  }
}

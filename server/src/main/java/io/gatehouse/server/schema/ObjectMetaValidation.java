package io.gatehouse.server.schema;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.GoSyntax;
import io.gatehouse.api.validation.NameValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * apimachinery's {@code ValidateObjectMetaAccessor} and {@code ValidateObjectMetaAccessorUpdate}
 * on decoded metadata: name (by a name rule) or generateName, namespace, generation, labels,
 * annotations (keys and the 256 KiB total), owner references and finalizers; on update the
 * immutable fields. Stateless.
 */
public final class ObjectMetaValidation {

  /** The {@code ObjectMeta} fields; anything else in {@code metadata} is dropped on decode. */
  public static final Set<String> FIELDS = Set.of("name", "generateName", "namespace",
      "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
      "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
      "ownerReferences", "finalizers", "managedFields");

  private static final int TOTAL_ANNOTATION_SIZE = 256 * 1024;

  private ObjectMetaValidation() {}

  /** A name rule: the problems of {@code name} ({@code prefix}: a generateName). */
  public interface NameRule extends BiFunction<String, Boolean, List<String>> {}

  /** {@code NameIsDNSSubdomain}. */
  public static final NameRule DNS_SUBDOMAIN = NameValidation::nameIsDnsSubdomain;

  /** {@code path.ValidatePathSegmentName}. */
  public static final NameRule PATH_SEGMENT = (name, prefix) -> {
    List<String> errs = new ArrayList<>();
    if (!prefix && (name.equals(".") || name.equals(".."))) {
      errs.add("may not be '" + name + "'");
    }
    for (String bad : List.of("/", "%")) {
      if (name.contains(bad)) {
        errs.add("may not contain '" + bad + "'");
      }
    }
    return errs;
  };

  /** {@code ValidateObjectMetaAccessor} at {@code path}. */
  public static List<FieldError> validate(Map<String, ?> meta, boolean namespaced, NameRule names,
      String path) {
    List<FieldError> errs = new ArrayList<>();
    String generateName = string(meta, "generateName");
    if (!generateName.isEmpty()) {
      for (String msg : names.apply(generateName, true)) {
        errs.add(FieldError.invalid(Path.child(path, "generateName"), generateName, msg));
      }
    }
    String name = string(meta, "name");
    if (name.isEmpty()) {
      errs.add(FieldError.required(Path.child(path, "name"), "name or generateName is required"));
    } else {
      for (String msg : names.apply(name, false)) {
        errs.add(FieldError.invalid(Path.child(path, "name"), name, msg));
      }
    }
    String namespace = string(meta, "namespace");
    if (namespaced) {
      if (namespace.isEmpty()) {
        errs.add(FieldError.required(Path.child(path, "namespace"), ""));
      } else {
        for (String msg : NameValidation.isDns1123Label(namespace)) {
          errs.add(FieldError.invalid(Path.child(path, "namespace"), namespace, msg));
        }
      }
    } else if (!namespace.isEmpty()) {
      errs.add(FieldError.forbidden(Path.child(path, "namespace"), "not allowed on this type"));
    }
    if (meta.get("generation") instanceof Long g && g < 0) {
      errs.add(FieldError.invalid(Path.child(path, "generation"), g,
          "must be greater than or equal to 0"));
    }
    errs.addAll(common(meta, path));
    return errs;
  }

  /** {@code ValidateObjectMetaAccessorUpdate} at {@code path}. */
  public static List<FieldError> validateUpdate(Map<String, ?> meta, Map<String, ?> old,
      String path) {
    List<FieldError> errs = new ArrayList<>();
    if (old.get("deletionTimestamp") != null) {
      List<String> added = new ArrayList<>(new java.util.TreeSet<>(strings(meta, "finalizers")));
      added.removeAll(strings(old, "finalizers"));
      if (!added.isEmpty()) {
        errs.add(FieldError.forbidden(Path.child(path, "finalizers"), "no new finalizers can be"
            + " added if the object is being deleted, found new finalizers []string{"
            + String.join(", ", added.stream().map(io.gatehouse.api.GoQuote::quote).toList())
            + "}"));
      }
    }
    long generation = meta.get("generation") instanceof Long g ? g : 0;
    long oldGeneration = old.get("generation") instanceof Long g ? g : 0;
    if (generation < oldGeneration) {
      errs.add(FieldError.invalid(Path.child(path, "generation"), generation,
          "must not be decremented"));
    }
    for (String f : List.of("name", "namespace", "uid")) {
      if (!Objects.equals(normal(meta.get(f)), normal(old.get(f)))) {
        errs.add(FieldError.invalid(Path.child(path, f), meta.get(f), "field is immutable"));
      }
    }
    errs.addAll(immutableTimes(meta, old, path));
    errs.addAll(common(meta, path));
    return errs;
  }

  /**
   * The immutable-field errors of {@code ValidateObjectMetaAccessorUpdate} for {@code
   * creationTimestamp}, {@code deletionTimestamp} and {@code deletionGracePeriodSeconds}, in that
   * order, the times printed as Go prints a {@code metav1.Time} ({@link GoText#time}).
   */
  public static List<FieldError> immutableTimes(Map<String, ?> meta, Map<String, ?> old,
      String path) {
    List<FieldError> errs = new ArrayList<>();
    for (String f : List.of("creationTimestamp", "deletionTimestamp")) {
      if (!Objects.equals(normal(meta.get(f)), normal(old.get(f)))) {
        errs.add(FieldError.invalid(Path.child(path, f), GoText.time(meta.get(f)),
            "field is immutable"));
      }
    }
    if (!Objects.equals(meta.get("deletionGracePeriodSeconds"),
        old.get("deletionGracePeriodSeconds"))) {
      errs.add(FieldError.invalid(Path.child(path, "deletionGracePeriodSeconds"),
          meta.get("deletionGracePeriodSeconds"), "field is immutable"));
    }
    return errs;
  }

  private static @Nullable Object normal(@Nullable Object v) {
    return v instanceof String s && s.isEmpty() ? null : v;
  }

  private static List<FieldError> common(Map<String, ?> meta, String path) {
    List<FieldError> errs = new ArrayList<>();
    String labelsPath = Path.child(path, "labels");
    if (meta.get("labels") instanceof Map<?, ?> labels) {
      for (Map.Entry<?, ?> e : labels.entrySet()) {
        String k = String.valueOf(e.getKey());
        for (String msg : NameValidation.isQualifiedName(k)) {
          errs.add(FieldError.invalid(labelsPath, k, msg));
        }
        String v = String.valueOf(e.getValue());
        for (String msg : NameValidation.isValidLabelValue(v)) {
          errs.add(FieldError.invalid(labelsPath, v, msg));
        }
      }
    }
    String annotationsPath = Path.child(path, "annotations");
    if (meta.get("annotations") instanceof Map<?, ?> annotations) {
      long size = 0;
      for (Map.Entry<?, ?> e : annotations.entrySet()) {
        String k = String.valueOf(e.getKey());
        for (String msg : NameValidation.isQualifiedName(k.toLowerCase(Locale.ROOT))) {
          errs.add(FieldError.invalid(annotationsPath, k, msg));
        }
        size += utf8(k) + utf8(String.valueOf(e.getValue()));
      }
      if (size > TOTAL_ANNOTATION_SIZE) {
        errs.add(FieldError.tooLong(annotationsPath, TOTAL_ANNOTATION_SIZE));
      }
    }
    errs.addAll(references(meta, path));
    return errs;
  }

  /**
   * The checks of {@code ValidateObjectMetaAccessor} that every resource shares and that need no
   * schema: {@code ownerReferences} ({@code ValidateOwnerReferences}) and {@code finalizers}
   * ({@code ValidateFinalizers}: qualified names, not both {@code orphan} and {@code
   * foregroundDeletion}) of {@code meta}, at {@code path}.
   */
  public static List<FieldError> references(Map<String, ?> meta, String path) {
    List<FieldError> errs = new ArrayList<>(ownerReferences(meta,
        Path.child(path, "ownerReferences")));
    String finalizersPath = Path.child(path, "finalizers");
    List<String> finalizers = strings(meta, "finalizers");
    for (String f : finalizers) {
      for (String msg : NameValidation.isQualifiedName(f)) {
        errs.add(FieldError.invalid(finalizersPath, f, msg));
      }
    }
    if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
      errs.add(FieldError.invalid(finalizersPath, new GoText.Raw(GoSyntax.strings(finalizers)),
          "finalizer orphan and foregroundDeletion cannot be both set"));
    }
    return errs;
  }

  /** Go's {@code %#v} of a {@code []v1.OwnerReference} (pointers print as addresses). */
  static String ownerReferencesGoSyntax(List<?> refs) {
    List<String> out = new ArrayList<>();
    for (Object o : refs) {
      Map<?, ?> ref = o instanceof Map<?, ?> m ? m : Map.of();
      Map<String, String> f = new LinkedHashMap<>();
      f.put("APIVersion", GoQuote.quote(string(ref, "apiVersion")));
      f.put("Kind", GoQuote.quote(string(ref, "kind")));
      f.put("Name", GoQuote.quote(string(ref, "name")));
      f.put("UID", GoQuote.quote(string(ref, "uid")));
      f.put("Controller", GoSyntax.pointer("bool", ref.get("controller") != null));
      f.put("BlockOwnerDeletion", GoSyntax.pointer("bool", ref.get("blockOwnerDeletion") != null));
      out.add(GoSyntax.struct("v1.OwnerReference", f));
    }
    return GoSyntax.slice("[]v1.OwnerReference", out);
  }

  private static List<FieldError> ownerReferences(Map<String, ?> meta, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (!(meta.get("ownerReferences") instanceof List<?> refs)) {
      return errs;
    }
    String firstController = "";
    for (Object o : refs) {
      if (!(o instanceof Map<?, ?> ref)) {
        continue;
      }
      String apiVersion = string(ref, "apiVersion");
      String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1)
          : apiVersion;
      if (version.isEmpty()) {
        errs.add(FieldError.invalid(Path.child(path, "apiVersion"), apiVersion,
            "version must not be empty"));
      }
      for (String f : List.of("kind", "name", "uid")) {
        if (string(ref, f).isEmpty()) {
          errs.add(FieldError.invalid(Path.child(path, f), string(ref, f), "must not be empty"));
        }
      }
      if (Boolean.TRUE.equals(ref.get("controller"))) {
        String current = string(ref, "kind") + "/" + string(ref, "name");
        if (!firstController.isEmpty()) {
          errs.add(FieldError.invalid(path, new GoText.Raw(ownerReferencesGoSyntax(refs)), "Only one reference can have Controller set to"
              + " true. Found \"true\" in references for " + firstController + " and " + current));
        } else {
          firstController = current;
        }
      }
    }
    return errs;
  }

  private static long utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  static String string(Map<?, ?> m, String key) {
    return m.get(key) instanceof String s ? s : "";
  }

  static List<String> strings(Map<?, ?> m, String key) {
    List<String> out = new ArrayList<>();
    if (m.get(key) instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }
}

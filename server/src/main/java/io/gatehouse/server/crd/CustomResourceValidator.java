package io.gatehouse.server.crd;

import io.gatehouse.server.schema.EmbeddedResources;
import io.gatehouse.server.schema.FieldError;
import io.gatehouse.server.schema.JsonSchema;
import io.gatehouse.server.schema.ListTypeValidation;
import io.gatehouse.server.schema.ObjectMetaValidation;
import io.gatehouse.server.schema.SchemaValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The validation of custom objects of one served version (apiextensions' {@code
 * customresource/strategy.go}, {@code status_strategy.go} and {@code validator.go}): {@code
 * apiVersion}/{@code kind}, metadata (DNS-subdomain names), the schema, the scale subresource's
 * replica and selector fields, embedded resources, list-type invariants (ratcheted on update:
 * skipped when the stored object already violates them), then the {@code x-kubernetes-validations}
 * rules (when the schema has any: {@link ObjectRules#NONE} otherwise) unless an earlier error
 * blocks them. Immutable; thread-safe.
 */
public final class CustomResourceValidator {

  private static final Set<FieldError.Type> BLOCKING = Set.of(FieldError.Type.NOT_SUPPORTED,
      FieldError.Type.REQUIRED, FieldError.Type.TOO_LONG, FieldError.Type.TOO_MANY,
      FieldError.Type.TYPE_INVALID);

  private final String apiVersion;
  private final String kind;
  private final boolean namespaced;
  private final @Nullable JsonSchema schema;
  private final CrdDefinition.@Nullable Scale scale;
  private final ObjectRules rules;

  /**
   * @param crd the definition
   * @param version the served version
   * @param rules the version's {@code x-kubernetes-validations}
   */
  public CustomResourceValidator(CrdDefinition crd, CrdDefinition.Version version,
      ObjectRules rules) {
    this.apiVersion = crd.group() + "/" + version.name();
    this.kind = crd.names().kind();
    this.namespaced = crd.scope().equals("Namespaced");
    this.schema = version.schema();
    this.scale = version.subresources() == null ? null : version.subresources().scale();
    this.rules = rules;
  }

  /** The errors of a create; {@code warnings} receives the rules' warnings. */
  public List<FieldError> validateCreate(Map<String, @Nullable Object> obj,
      List<String> warnings) {
    List<FieldError> typeMeta = typeMeta(obj);
    if (!typeMeta.isEmpty()) {
      return typeMeta;
    }
    List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(metadata(obj),
        namespaced, ObjectMetaValidation.DNS_SUBDOMAIN, "metadata"));
    errs.addAll(schema(obj));
    errs.addAll(ScaleFields.validateSpec(obj, scale));
    errs.addAll(ScaleFields.validateStatus(obj, scale));
    errs.addAll(EmbeddedResources.validate(obj, schema));
    errs.addAll(ListTypeValidation.validate(null, schema, obj));
    return withRules(errs, obj, null, warnings);
  }

  /** The errors of an update of the main resource; {@code warnings} as for creates. */
  public List<FieldError> validateUpdate(Map<String, @Nullable Object> obj,
      Map<String, @Nullable Object> old, List<String> warnings) {
    List<FieldError> typeMeta = typeMeta(obj);
    if (!typeMeta.isEmpty()) {
      return typeMeta;
    }
    List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(metadata(obj),
        metadata(old), "metadata"));
    errs.addAll(io.gatehouse.server.schema.Ratcheting.filter(schema(obj), obj, old, schema));
    errs.addAll(ScaleFields.validateSpec(obj, scale));
    errs.addAll(ScaleFields.validateStatus(obj, scale));
    errs.addAll(EmbeddedResources.validate(obj, schema));
    errs.addAll(listTypes(obj, old));
    return withRules(errs, obj, old, warnings);
  }

  /** The errors of an update of {@code /status}; {@code warnings} as for creates. */
  public List<FieldError> validateStatusUpdate(Map<String, @Nullable Object> obj,
      Map<String, @Nullable Object> old, List<String> warnings) {
    List<FieldError> typeMeta = typeMeta(obj);
    if (!typeMeta.isEmpty()) {
      return typeMeta;
    }
    List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(metadata(obj),
        metadata(old), "metadata"));
    errs.addAll(io.gatehouse.server.schema.Ratcheting.filter(schema(obj), obj, old, schema));
    errs.addAll(ScaleFields.validateStatus(obj, scale));
    errs.addAll(listTypes(obj, old));
    return withRules(errs, obj, old, warnings);
  }

  /**
   * The warnings of a write: finalizers added without a domain-qualified path ({@code
   * metadata.finalizers: "x": prefer a domain-qualified finalizer name …}).
   */
  public static List<String> warnings(Map<String, @Nullable Object> obj,
      @Nullable Map<String, @Nullable Object> old) {
    Set<String> added = new TreeSet<>(strings(metadata(obj).get("finalizers")));
    if (old != null) {
      added.removeAll(strings(metadata(old).get("finalizers")));
    }
    List<String> out = new ArrayList<>();
    for (String f : added) {
      if (!f.contains("/")) {
        out.add("metadata.finalizers: " + io.gatehouse.api.GoQuote.quote(f) + ": prefer a "
            + "domain-qualified finalizer name including a path (/) to avoid accidental conflicts "
            + "with other finalizer writers");
      }
    }
    return out;
  }

  private List<FieldError> typeMeta(Map<String, @Nullable Object> obj) {
    List<FieldError> errs = new ArrayList<>();
    Object k = obj.get("kind");
    if (!kind.equals(k)) {
      errs.add(FieldError.invalid("kind", k == null ? "" : k, "must be " + kind));
    }
    Object av = obj.get("apiVersion");
    if (!apiVersion.equals(av)) {
      errs.add(FieldError.invalid("apiVersion", av == null ? "" : av, "must be " + apiVersion));
    }
    return errs;
  }

  private List<FieldError> schema(Map<String, @Nullable Object> obj) {
    return schema == null ? List.of() : SchemaValidation.validate(schema, obj);
  }

  private List<FieldError> listTypes(Map<String, @Nullable Object> obj,
      Map<String, @Nullable Object> old) {
    if (!ListTypeValidation.validate(null, schema, old).isEmpty()) {
      return List.of();
    }
    return ListTypeValidation.validate(null, schema, obj);
  }

  private List<FieldError> withRules(List<FieldError> errs, Map<String, @Nullable Object> obj,
      @Nullable Map<String, @Nullable Object> old, List<String> warnings) {
    if (rules == ObjectRules.NONE) {
      return errs;
    }
    if (errs.stream().anyMatch(e -> BLOCKING.contains(e.type()))) {
      // an untyped Go nil prints as the string "null"
      errs.add(FieldError.invalid(io.gatehouse.server.schema.Path.NIL, "null", "some validation "
          + "rules were not checked because the object was invalid; correct the existing errors "
          + "to complete validation"));
      return errs;
    }
    errs.addAll(rules.validate(obj, old, warnings));
    return errs;
  }

  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> metadata(Map<String, @Nullable Object> obj) {
    return obj.get("metadata") instanceof Map<?, ?> m
        ? (Map<String, @Nullable Object>) m : Map.of();
  }

  private static List<String> strings(@Nullable Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }
}

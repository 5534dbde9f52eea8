package io.gatehouse.auth.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The spec of a SubjectAccessReview, LocalSubjectAccessReview or SelfSubjectAccessReview ({@code
 * authorization.k8s.io/v1}; a self review has only the two attribute blocks). Reads the JSON as the
 * API server decodes it and writes it back as the API server serializes it (struct order, empty
 * fields omitted).
 *
 * <p>Immutable: collections are copied.
 *
 * @param resource the resource attributes, null if absent
 * @param nonResource the non-resource attributes, null if absent
 * @param user the user asked about
 * @param groups the groups asked about
 * @param extra the extra attributes asked about
 * @param uid the uid asked about
 */
public record AccessReviewSpec(
    @Nullable ResourceAttributes resource,
    @Nullable NonResourceAttributes nonResource,
    String user,
    List<String> groups,
    Map<String, List<String>> extra,
    String uid) {

  private static final Set<String> SPEC_FIELDS = Set.of("resourceAttributes",
      "nonResourceAttributes", "user", "groups", "extra", "uid");
  private static final Set<String> SELF_SPEC_FIELDS =
      Set.of("resourceAttributes", "nonResourceAttributes");
  private static final Set<String> RESOURCE_FIELDS = Set.of("namespace", "verb", "group",
      "version", "resource", "subresource", "name", "fieldSelector", "labelSelector");
  private static final Set<String> NON_RESOURCE_FIELDS = Set.of("path", "verb");
  private static final Set<String> SELECTOR_FIELDS = Set.of("rawSelector", "requirements");
  private static final Set<String> REQUIREMENT_FIELDS = Set.of("key", "operator", "values");

  /** Copies the collections. */
  public AccessReviewSpec {
    groups = List.copyOf(groups);
    extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /**
   * The resource a review asks about ({@code ResourceAttributes}).
   *
   * @param fieldSelector the field selector, null if absent
   * @param labelSelector the label selector, null if absent
   */
  public record ResourceAttributes(String namespace, String verb, String group, String version,
      String resource, String subresource, String name, @Nullable Selector fieldSelector,
      @Nullable Selector labelSelector) {}

  /** The non-resource URL a review asks about ({@code NonResourceAttributes}). */
  public record NonResourceAttributes(String path, String verb) {}

  /**
   * A {@code FieldSelectorAttributes} or {@code LabelSelectorAttributes}.
   *
   * @param rawSelector the selector text, or empty
   * @param requirements the structured requirements, or empty
   */
  public record Selector(String rawSelector, List<Requirement> requirements) {
    /** Copies the list. */
    public Selector {
      requirements = List.copyOf(requirements);
    }
  }

  /** One {@code FieldSelectorRequirement} or {@code LabelSelectorRequirement}. */
  public record Requirement(String key, String operator, List<String> values) {
    /** Copies the list. */
    public Requirement {
      values = List.copyOf(values);
    }
  }

  /**
   * Reads {@code spec} of a review body.
   *
   * @param self whether this is a SelfSubjectAccessReview (only the attribute blocks)
   * @throws JsonFields.TypeMismatch for a value of the wrong JSON type
   */
  static AccessReviewSpec read(JsonFields json, Map<?, ?> review, boolean self) {
    String specStruct = self ? "SelfSubjectAccessReview" : "SubjectAccessReview";
    String specType = self ? "v1.SelfSubjectAccessReviewSpec" : "v1.SubjectAccessReviewSpec";
    Map<String, @Nullable Object> spec = json.object(review, "spec", "spec", specStruct, specType,
        self ? SELF_SPEC_FIELDS : SPEC_FIELDS);
    String struct = self ? "SelfSubjectAccessReviewSpec" : "SubjectAccessReviewSpec";
    ResourceAttributes resource = null;
    if (JsonFields.present(spec, "resourceAttributes")) {
      String p = "spec.resourceAttributes";
      Map<String, @Nullable Object> r = json.object(spec, "resourceAttributes", p, struct,
          "v1.ResourceAttributes", RESOURCE_FIELDS);
      String s = "ResourceAttributes";
      resource = new ResourceAttributes(json.string(r, "namespace", p + ".namespace", s),
          json.string(r, "verb", p + ".verb", s), json.string(r, "group", p + ".group", s),
          json.string(r, "version", p + ".version", s),
          json.string(r, "resource", p + ".resource", s),
          json.string(r, "subresource", p + ".subresource", s),
          json.string(r, "name", p + ".name", s),
          selector(json, r, "fieldSelector", p, "FieldSelectorAttributes",
              "v1.FieldSelectorRequirement"),
          selector(json, r, "labelSelector", p, "LabelSelectorAttributes",
              "v1.LabelSelectorRequirement"));
    }
    NonResourceAttributes nonResource = null;
    if (JsonFields.present(spec, "nonResourceAttributes")) {
      String p = "spec.nonResourceAttributes";
      Map<String, @Nullable Object> n = json.object(spec, "nonResourceAttributes", p, struct,
          "v1.NonResourceAttributes", NON_RESOURCE_FIELDS);
      nonResource = new NonResourceAttributes(
          json.string(n, "path", p + ".path", "NonResourceAttributes"),
          json.string(n, "verb", p + ".verb", "NonResourceAttributes"));
    }
    if (self) {
      return new AccessReviewSpec(resource, nonResource, "", List.of(), Map.of(), "");
    }
    return new AccessReviewSpec(resource, nonResource, json.string(spec, "user", "spec.user", struct),
        json.strings(spec, "groups", "spec.groups", struct, "[]string"),
        json.stringLists(spec, "extra", "spec.extra", struct, "map[string]v1.ExtraValue",
            "v1.ExtraValue"),
        json.string(spec, "uid", "spec.uid", struct));
  }

  private static @Nullable Selector selector(JsonFields json, Map<?, ?> r, String key,
      String parent, String struct, String requirementType) {
    if (!JsonFields.present(r, key)) {
      return null;
    }
    String p = parent + "." + key;
    Map<String, @Nullable Object> m = json.object(r, key, p, "ResourceAttributes", "v1." + struct,
        SELECTOR_FIELDS);
    List<Requirement> requirements = new java.util.ArrayList<>();
    Object list = m.get("requirements");
    if (list != null && !(list instanceof List<?>)) {
      json.strings(m, "requirements", p + ".requirements", struct, "[]" + requirementType);
    }
    if (list instanceof List<?> l) {
      for (Object o : l) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("r", o);
        String rp = p + ".requirements";
        String rs = requirementType.substring(3);
        Map<String, @Nullable Object> req = json.object(one, "r", rp, struct, requirementType,
            REQUIREMENT_FIELDS);
        requirements.add(new Requirement(json.string(req, "key", rp + ".key", rs),
            json.string(req, "operator", rp + ".operator", rs),
            json.strings(req, "values", rp + ".values", rs, "[]string")));
      }
    }
    return new Selector(json.string(m, "rawSelector", p + ".rawSelector", struct), requirements);
  }

  /** The spec as the API serializes it; a self review's has only the attribute blocks. */
  Map<String, Object> toJson(boolean self) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (resource != null) {
      Map<String, Object> r = new LinkedHashMap<>();
      put(r, "namespace", resource.namespace());
      put(r, "verb", resource.verb());
      put(r, "group", resource.group());
      put(r, "version", resource.version());
      put(r, "resource", resource.resource());
      put(r, "subresource", resource.subresource());
      put(r, "name", resource.name());
      if (resource.fieldSelector() != null) {
        r.put("fieldSelector", selectorJson(resource.fieldSelector()));
      }
      if (resource.labelSelector() != null) {
        r.put("labelSelector", selectorJson(resource.labelSelector()));
      }
      out.put("resourceAttributes", r);
    }
    if (nonResource != null) {
      Map<String, Object> n = new LinkedHashMap<>();
      put(n, "path", nonResource.path());
      put(n, "verb", nonResource.verb());
      out.put("nonResourceAttributes", n);
    }
    if (!self) {
      put(out, "user", user);
      if (!groups.isEmpty()) {
        out.put("groups", groups);
      }
      if (!extra.isEmpty()) {
        out.put("extra", new TreeMap<>(extra));
      }
      put(out, "uid", uid);
    }
    return out;
  }

  private static Map<String, Object> selectorJson(Selector s) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "rawSelector", s.rawSelector());
    if (!s.requirements().isEmpty()) {
      out.put("requirements", s.requirements().stream().map(r -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", r.key());
        m.put("operator", r.operator());
        if (!r.values().isEmpty()) {
          m.put("values", r.values());
        }
        return m;
      }).toList());
    }
    return out;
  }

  private static void put(Map<String, Object> out, String key, String value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }
}

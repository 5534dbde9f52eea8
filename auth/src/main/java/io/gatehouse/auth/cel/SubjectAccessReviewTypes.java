package io.gatehouse.auth.cel;

import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The types upstream declares for authorization CEL ({@code buildRequestType}): {@code
 * kubernetes.SubjectAccessReviewSpec} with {@code kubernetes.ResourceAttributes} and {@code
 * kubernetes.NonResourceAttributes}; with feature {@code AuthorizeWithSelectors} (beta and on from
 * 1.32) resource attributes also have {@code fieldSelector} and {@code labelSelector}.
 *
 * <p>Immutable; thread-safe.
 *
 * @param spec the {@code request} variable's type
 * @param all every declared struct type
 */
record SubjectAccessReviewTypes(StructType spec, List<StructType> all) {

  private static final CelType STRINGS = ListType.create(SimpleType.STRING);

  static SubjectAccessReviewTypes of(boolean selectors) {
    List<StructType> all = new ArrayList<>();
    List<Object> resourceFields = new ArrayList<>(List.of(
        "namespace", SimpleType.STRING, "verb", SimpleType.STRING, "group", SimpleType.STRING,
        "version", SimpleType.STRING, "resource", SimpleType.STRING,
        "subresource", SimpleType.STRING, "name", SimpleType.STRING));
    if (selectors) {
      StructType requirement = struct("kubernetes.SelectorRequirement",
          "key", SimpleType.STRING, "operator", SimpleType.STRING, "values", STRINGS);
      StructType field = struct("kubernetes.FieldSelectorAttributes",
          "rawSelector", SimpleType.STRING, "requirements", ListType.create(requirement));
      StructType label = struct("kubernetes.LabelSelectorAttributes",
          "rawSelector", SimpleType.STRING, "requirements", ListType.create(requirement));
      all.addAll(List.of(requirement, field, label));
      resourceFields.addAll(List.of("fieldSelector", field, "labelSelector", label));
    }
    StructType resource = struct("kubernetes.ResourceAttributes", resourceFields.toArray());
    StructType nonResource = struct("kubernetes.NonResourceAttributes",
        "path", SimpleType.STRING, "verb", SimpleType.STRING);
    StructType spec = struct("kubernetes.SubjectAccessReviewSpec",
        "resourceAttributes", resource,
        "nonResourceAttributes", nonResource,
        "user", SimpleType.STRING,
        "groups", STRINGS,
        "extra", MapType.create(SimpleType.STRING, STRINGS),
        "uid", SimpleType.STRING);
    all.addAll(List.of(resource, nonResource, spec));
    return new SubjectAccessReviewTypes(spec, List.copyOf(all));
  }

  private static StructType struct(String name, Object... fieldsAndTypes) {
    Map<String, CelType> fields = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndTypes.length; i += 2) {
      fields.put((String) fieldsAndTypes[i], (CelType) fieldsAndTypes[i + 1]);
    }
    Map<String, CelType> frozen = Map.copyOf(fields);
    return StructType.create(
        name, ImmutableSet.copyOf(fields.keySet()), f -> Optional.ofNullable(frozen.get(f)));
  }
}

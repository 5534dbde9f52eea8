package io.gatehouse.server.crd;

import io.gatehouse.api.GoSyntax;
import io.gatehouse.api.validation.NameValidation;
import io.gatehouse.server.schema.FieldError;
import io.gatehouse.server.schema.GoText;
import io.gatehouse.server.schema.ObjectMetaValidation;
import io.gatehouse.server.schema.RuleCompiler;
import io.gatehouse.server.schema.SchemaRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * apiextensions' {@code ValidateCustomResourceDefinition} and {@code
 * ValidateCustomResourceDefinitionUpdate} (pkg/apis/apiextensions/validation): metadata (the name
 * must be {@code <plural>.<group>}), spec (group, scope, versions, names, schemas, subresources,
 * printer columns, conversion), status names, stored versions, the API-approval annotation of
 * protected groups and {@code preserveUnknownFields}, in upstream's order. The spec is validated
 * in its internal form ({@link InternalSpec}). Stateless; thread-safe.
 */
public final class CrdValidation {

  private CrdValidation() {}

  /** Validates a CRD being created (status already prepared by the strategy). */
  public static List<FieldError> validateCreate(CrdDefinition crd, RuleCompiler rules) {
    CrdOptions opts = CrdOptions.forCreate(rules);
    InternalSpec spec = InternalSpec.of(crd);
    String required = crd.names().plural() + "." + crd.group();
    List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(crd.metadata(), false,
        (name, prefix) -> {
          List<String> ret = new ArrayList<>(NameValidation.nameIsDnsSubdomain(name, prefix));
          if (!name.equals(required)) {
            ret.add("must be spec.names.plural+\".\"+spec.group");
          }
          return ret;
        }, "metadata"));
    errs.addAll(spec(spec, opts));
    errs.addAll(names(crd.status().acceptedNames(), "status.acceptedNames"));
    errs.addAll(storedVersions(crd));
    errs.addAll(apiApproval(crd, null));
    errs.addAll(preserveUnknownFields(crd, null));
    return errs;
  }

  /** Validates an update of the spec (status kept from {@code old} by the strategy). */
  public static List<FieldError> validateUpdate(CrdDefinition crd, CrdDefinition old,
      RuleCompiler rules) {
    CrdOptions opts = CrdOptions.forUpdate(rules, old);
    InternalSpec spec = InternalSpec.of(crd);
    List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(crd.metadata(),
        old.metadata(), "metadata"));
    errs.addAll(spec(spec, opts));
    if (old.conditionTrue("Established")) {
      immutable(errs, crd.scope(), old.scope(), "spec.scope");
      immutable(errs, crd.names().kind(), old.names().kind(), "spec.names.kind");
    }
    immutable(errs, crd.group(), old.group(), "spec.group");
    immutable(errs, crd.names().plural(), old.names().plural(), "spec.names.plural");
    errs.addAll(names(crd.status().acceptedNames(), "status.acceptedNames"));
    errs.addAll(storedVersions(crd));
    errs.addAll(apiApproval(crd, old));
    errs.addAll(preserveUnknownFields(crd, old));
    return errs;
  }

  /** {@code ValidateUpdateCustomResourceDefinitionStatus}. */
  public static List<FieldError> validateStatusUpdate(CrdDefinition crd, CrdDefinition old) {
    List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(crd.metadata(),
        old.metadata(), "metadata"));
    errs.addAll(names(crd.status().acceptedNames(), "status.acceptedNames"));
    return errs;
  }

  private static void immutable(List<FieldError> errs, Object value, Object old, String path) {
    if (!Objects.equals(value, old)) {
      errs.add(FieldError.invalid(path, value, "field is immutable"));
    }
  }

  private static List<FieldError> spec(InternalSpec spec, CrdOptions opts) {
    CrdDefinition crd = spec.crd();
    List<FieldError> errs = new ArrayList<>();
    String group = crd.group();
    if (group.isEmpty()) {
      errs.add(FieldError.required("spec.group", ""));
    } else if (!NameValidation.isDns1123Subdomain(group).isEmpty()) {
      errs.add(FieldError.invalid("spec.group", group,
          String.join(",", NameValidation.isDns1123Subdomain(group))));
    } else if (group.split("\\.", -1).length < 2) {
      errs.add(FieldError.invalid("spec.group", group, "should be a domain with at least one dot"));
    }
    if (crd.scope().isEmpty()) {
      errs.add(FieldError.required("spec.scope", ""));
    } else if (!crd.scope().equals("Cluster") && !crd.scope().equals("Namespaced")) {
      errs.add(FieldError.notSupported("spec.scope", crd.scope(), List.of("Cluster", "Namespaced")));
    }
    CrdOptions o = opts.withStructural(!crd.preserveUnknownFields()
        || CrdOptions.hasDefaults(crd) || CrdOptions.hasExtensions(crd));
    if (opts.requireOpenApiSchema() && spec.validation() == null) {
      for (int i = 0; i < crd.versions().size(); i++) {
        if (crd.versions().get(i).rawSchema() == null) {
          errs.add(FieldError.required("spec.versions[" + i + "].schema.openAPIV3Schema",
              "schemas are required"));
        }
      }
    }
    if (CrdOptions.hasDefaults(crd) && crd.preserveUnknownFields()) {
      errs.add(FieldError.invalid("spec.preserveUnknownFields", true,
          "must be false in order to use defaults in the schema"));
    }
    int storage = 0;
    boolean unique = true;
    Map<String, Boolean> seen = new HashMap<>();
    for (int i = 0; i < spec.versions().size(); i++) {
      CrdDefinition.Version v = spec.versions().get(i);
      String p = "spec.versions[" + i + "]";
      storage += v.storage() ? 1 : 0;
      unique &= seen.put(v.name(), true) == null;
      List<String> bad = NameValidation.isDns1035Label(v.name());
      if (!bad.isEmpty()) {
        errs.add(FieldError.invalid(p + ".name", v.name(), String.join(",", bad)));
      }
      errs.addAll(version(spec, v, p, o));
    }
    GoText.Raw versionsValue = new GoText.Raw(spec.versionsValue());
    if (!unique) {
      errs.add(FieldError.invalid("spec.versions", versionsValue,
          "must contain unique version names"));
    }
    if (storage != 1) {
      errs.add(FieldError.invalid("spec.versions", versionsValue,
          "must have exactly one version marked as storage version"));
    }
    if (!crd.versions().isEmpty()) {
      String version = crd.versions().get(0).name();
      List<String> bad = NameValidation.isDns1035Label(version);
      if (!bad.isEmpty()) {
        errs.add(FieldError.invalid("spec.version", version, String.join(",", bad)));
      }
    }
    CrdDefinition.Names names = crd.names();
    if (names.plural().isEmpty()) {
      errs.add(FieldError.required("spec.names.plural", ""));
    }
    if (names.singular().isEmpty()) {
      errs.add(FieldError.required("spec.names.singular", ""));
    }
    if (names.kind().isEmpty()) {
      errs.add(FieldError.required("spec.names.kind", ""));
    }
    if (names.listKind().isEmpty()) {
      errs.add(FieldError.required("spec.names.listKind", ""));
    }
    errs.addAll(names(names, "spec.names"));
    if (spec.validation() != null) {
      errs.addAll(schema(spec.validation(), spec.anyStatusEnabled(), o, "spec.validation"));
    }
    errs.addAll(Subresources.validate(spec.subresources(), "spec.subresources"));
    for (int i = 0; i < spec.columns().size(); i++) {
      errs.addAll(Subresources.column(spec.columns().get(i),
          "spec.additionalPrinterColumns[" + i + "]"));
    }
    errs.addAll(conversion(crd));
    return errs;
  }

  private static List<FieldError> version(InternalSpec spec, CrdDefinition.Version v, String p,
      CrdOptions opts) {
    List<FieldError> errs = new ArrayList<>();
    String warning = v.deprecationWarning();
    if (!v.deprecated() && warning != null) {
      errs.add(FieldError.invalid(p + ".deprecationWarning", warning,
          "can only be set for deprecated versions"));
    } else if (warning != null) {
      if (warning.length() > 256) {
        errs.add(FieldError.invalid(p + ".deprecationWarning", warning,
            "must be <= 256 characters long"));
      }
      if (warning.isEmpty()) {
        errs.add(FieldError.invalid(p + ".deprecationWarning", warning,
            "must not be an empty string"));
      }
      for (int i = 0; i < warning.length(); i++) {
        char c = warning.charAt(i);
        if (Character.isISOControl(c)) {
          errs.add(FieldError.invalid(p + ".deprecationWarning", warning, "must only contain"
              + " printable UTF-8 characters; control character found at index " + i));
          break;
        }
      }
    }
    CrdDefinition.Subresources sub = spec.subresourcesFor(v);
    if (v.schemaHolder() != null) {
      errs.addAll(schema(v, sub != null && sub.status(), opts, p + ".schema"));
    }
    errs.addAll(Subresources.validate(v.subresources(), p + ".subresources"));
    for (int i = 0; i < v.columns().size(); i++) {
      errs.addAll(Subresources.column(v.columns().get(i),
          p + ".additionalPrinterColumns[" + i + "]"));
    }
    if (!v.selectableFields().isEmpty() && v.rawSchema() == null && spec.validation() == null) {
      errs.add(FieldError.invalid(p + ".selectableFields", "",
          "selectableFields may only be set when version.schema.openAPIV3Schema is not included"));
    }
    return errs;
  }

  private static List<FieldError> schema(CrdDefinition.Version v, boolean statusEnabled,
      CrdOptions opts, String path) {
    if (v.schema() == null || v.rawSchema() == null) {
      return List.of();
    }
    return SchemaRules.validate(v.schema(), v.rawSchema(), statusEnabled, opts.schemaOptions(),
        path);
  }

  /** {@code ValidateCustomResourceDefinitionNames}. */
  static List<FieldError> names(CrdDefinition.Names n, String p) {
    List<FieldError> errs = new ArrayList<>();
    dns1035(errs, p + ".plural", n.plural(), n.plural(), "");
    dns1035(errs, p + ".singular", n.singular(), n.singular(), "");
    String mixed = "may have mixed case, but should otherwise match: ";
    dns1035(errs, p + ".kind", n.kind(), n.kind().toLowerCase(java.util.Locale.ROOT), mixed);
    dns1035(errs, p + ".listKind", n.listKind(), n.listKind().toLowerCase(java.util.Locale.ROOT),
        mixed);
    for (int i = 0; i < n.shortNames().size(); i++) {
      String s = n.shortNames().get(i);
      List<String> bad = NameValidation.isDns1035Label(s);
      if (!bad.isEmpty()) {
        errs.add(FieldError.invalid(p + ".shortNames[" + i + "]", s, String.join(",", bad)));
      }
    }
    if (!n.kind().isEmpty() && n.kind().equals(n.listKind())) {
      errs.add(FieldError.invalid(p + ".listKind", n.listKind(),
          "kind and listKind may not be the same"));
    }
    for (int i = 0; i < n.categories().size(); i++) {
      String c = n.categories().get(i);
      List<String> bad = NameValidation.isDns1035Label(c);
      if (!bad.isEmpty()) {
        errs.add(FieldError.invalid(p + ".categories[" + i + "]", c, String.join(",", bad)));
      }
    }
    return errs;
  }

  private static void dns1035(List<FieldError> errs, String path, String value, String checked,
      String prefix) {
    if (value.isEmpty()) {
      return;
    }
    List<String> bad = NameValidation.isDns1035Label(checked);
    if (!bad.isEmpty()) {
      errs.add(FieldError.invalid(path, value, prefix + String.join(",", bad)));
    }
  }

  private static List<FieldError> storedVersions(CrdDefinition crd) {
    List<String> stored = crd.status().storedVersions();
    String p = "status.storedVersions";
    if (stored.isEmpty()) {
      // empty only when create found no storage version: upstream's slice is then nil
      return List.of(FieldError.invalid(p, new GoText.Raw(GoSyntax.strings(null)),
          "must have at least one stored version"));
    }
    List<FieldError> errs = new ArrayList<>();
    Map<String, Integer> remaining = new LinkedHashMap<>();
    for (int i = 0; i < stored.size(); i++) {
      remaining.put(stored.get(i), i);
    }
    for (CrdDefinition.Version v : crd.versions()) {
      boolean present = remaining.containsKey(v.name());
      if (v.storage() && !present) {
        errs.add(FieldError.invalid(p, new GoText.Raw(GoSyntax.strings(stored)),
            "must have the storage version " + v.name()));
      }
      remaining.remove(v.name());
    }
    remaining.forEach((v, i) -> errs.add(FieldError.invalid(p + "[" + i + "]", v, "missing from"
        + " spec.versions; " + v + " was previously a storage version, and must remain in"
        + " spec.versions until a storage migration ensures no data remains persisted in " + v
        + " and removes " + v + " from status.storedVersions")));
    return errs;
  }

  private static List<FieldError> conversion(CrdDefinition crd) {
    List<FieldError> errs = new ArrayList<>();
    String strategy = crd.conversion().strategy();
    String p = "spec.conversion";
    if (!strategy.equals("None") && crd.preserveUnknownFields()) {
      errs.add(FieldError.invalid(p + ".strategy", strategy,
          "must be None if spec.preserveUnknownFields is true"));
    }
    if (strategy.isEmpty()) {
      errs.add(FieldError.required(p + ".strategy", ""));
    } else if (!strategy.equals("None") && !strategy.equals("Webhook")) {
      errs.add(FieldError.notSupported(p + ".strategy", strategy, List.of("None", "Webhook")));
    }
    if (strategy.equals("Webhook")) {
      if (crd.conversion().webhook() == null) {
        errs.add(FieldError.required(p + ".webhook", "required when strategy is set to Webhook"));
      }
    } else if (crd.conversion().webhook() != null) {
      errs.add(FieldError.forbidden(p + ".webhook",
          "should not be set when strategy is not set to Webhook"));
    }
    return errs;
  }

  private static List<FieldError> apiApproval(CrdDefinition crd, CrdDefinition old) {
    String group = crd.group();
    boolean protectedGroup = group.equals("k8s.io") || group.endsWith(".k8s.io")
        || group.equals("kubernetes.io") || group.endsWith(".kubernetes.io");
    if (!protectedGroup) {
      return List.of();
    }
    String key = "api-approved.kubernetes.io";
    ApprovalState state = ApprovalState.of(annotation(crd, key));
    if (old != null && ApprovalState.of(annotation(old, key)).kind() == state.kind()) {
      return List.of();
    }
    String p = "metadata.annotations[" + key + "]";
    return switch (state.kind()) {
      case MISSING -> List.of(FieldError.required(p, state.reason()));
      case INVALID -> List.of(FieldError.invalid(p, annotation(crd, key), state.reason()));
      case APPROVED, BYPASSED -> List.of();
    };
  }

  private static String annotation(CrdDefinition crd, String key) {
    return crd.metadata().get("annotations") instanceof Map<?, ?> a && a.get(key) instanceof String s
        ? s : "";
  }

  private static List<FieldError> preserveUnknownFields(CrdDefinition crd, CrdDefinition old) {
    if (old != null && old.preserveUnknownFields()) {
      return List.of();
    }
    if (crd.preserveUnknownFields()) {
      return List.of(FieldError.invalid("spec.preserveUnknownFields", true, "cannot set to true,"
          + " set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"));
    }
    return List.of();
  }
}

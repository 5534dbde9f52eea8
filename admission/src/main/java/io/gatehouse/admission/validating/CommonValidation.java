package io.gatehouse.admission.validating;

import io.gatehouse.admission.matching.MatchResources;
import io.gatehouse.admission.matching.NamedRuleWithOperations;
import io.gatehouse.admission.matching.RuleWithOperations;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The API validation shared by policies and bindings ({@code validation.go}): object metadata,
 * {@code MatchResources}, rules and label selectors. Stateless; thread-safe.
 */
final class CommonValidation {

  private static final List<String> OPERATIONS = List.of("*", "CONNECT", "CREATE", "DELETE", "UPDATE");
  private static final List<String> SCOPES = List.of("*", "Cluster", "Namespaced");
  private static final List<String> MATCH_POLICIES = List.of("Equivalent", "Exact");

  private CommonValidation() {}

  /** {@code ValidateObjectMeta} for a cluster-scoped DNS-subdomain-named object (subset). */
  static void objectMeta(Map<?, ?> metadata, List<FieldError> errs) {
    String generateName = Json.string(metadata.get("generateName"));
    String name = Json.string(metadata.get("name"));
    if (!generateName.isEmpty()) {
      for (String msg : NameRules.nameIsDnsSubdomain(generateName, true)) {
        errs.add(FieldError.invalidString("metadata.generateName", generateName, msg));
      }
    }
    if (name.isEmpty()) {
      errs.add(FieldError.required("metadata.name", "name or generateName is required"));
    } else {
      for (String msg : NameRules.nameIsDnsSubdomain(name, false)) {
        errs.add(FieldError.invalidString("metadata.name", name, msg));
      }
    }
    if (!Json.string(metadata.get("namespace")).isEmpty()) {
      errs.add(FieldError.forbidden("metadata.namespace", "not allowed on this type"));
    }
  }

  static void matchResources(MatchResources mc, String path, List<FieldError> errs) {
    if (mc.matchPolicy() == null) {
      errs.add(FieldError.required(path + ".matchPolicy", ""));
    } else if (!MATCH_POLICIES.contains(mc.matchPolicy())) {
      errs.add(FieldError.notSupported(path + ".matchPolicy", mc.matchPolicy(), MATCH_POLICIES));
    }
    selectorField(mc.namespaceSelector(), path + ".namespaceSelector", errs);
    selectorField(mc.objectSelector(), path + ".objectSelector", errs);
    for (int i = 0; i < mc.resourceRules().size(); i++) {
      namedRule(mc.resourceRules().get(i), path + ".resourceRules[" + i + "]", errs);
    }
    for (int i = 0; i < mc.excludeResourceRules().size(); i++) {
      namedRule(mc.excludeResourceRules().get(i), path + ".excludeResourceRules[" + i + "]", errs);
    }
  }

  private static void selectorField(@Nullable Object selector, String path, List<FieldError> errs) {
    if (selector == null) {
      errs.add(FieldError.required(path, ""));
    } else {
      labelSelector(selector, path, errs);
    }
  }

  private static void namedRule(NamedRuleWithOperations n, String path, List<FieldError> errs) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < n.resourceNames().size(); i++) {
      String name = n.resourceNames().get(i);
      String p = path + ".resourceNames[" + i + "]";
      for (String msg : NameRules.pathSegmentName(name)) {
        errs.add(FieldError.invalidString(p, name, msg));
      }
      if (!seen.add(name)) {
        errs.add(FieldError.duplicate(p, name));
      }
    }
    ruleWithOperations(n.rule(), path, errs);
  }

  static void ruleWithOperations(RuleWithOperations r, String path, List<FieldError> errs) {
    if (r.operations().isEmpty()) {
      errs.add(FieldError.required(path + ".operations", ""));
    }
    if (r.operations().size() > 1 && r.operations().contains("*")) {
      errs.add(FieldError.invalid(path + ".operations",
          GoText.slice("admissionregistration.OperationType", r.operations()),
          "if '*' is present, must not specify other operations"));
    }
    for (int i = 0; i < r.operations().size(); i++) {
      if (!OPERATIONS.contains(r.operations().get(i))) {
        errs.add(FieldError.notSupported(
            path + ".operations[" + i + "]", r.operations().get(i), OPERATIONS));
      }
    }
    if (r.apiGroups().isEmpty()) {
      errs.add(FieldError.required(path + ".apiGroups", ""));
    }
    if (r.apiGroups().size() > 1 && r.apiGroups().contains("*")) {
      errs.add(FieldError.invalid(path + ".apiGroups", GoText.slice("string", r.apiGroups()),
          "if '*' is present, must not specify other API groups"));
    }
    if (r.apiVersions().isEmpty()) {
      errs.add(FieldError.required(path + ".apiVersions", ""));
    }
    if (r.apiVersions().size() > 1 && r.apiVersions().contains("*")) {
      errs.add(FieldError.invalid(path + ".apiVersions", GoText.slice("string", r.apiVersions()),
          "if '*' is present, must not specify other API versions"));
    }
    for (int i = 0; i < r.apiVersions().size(); i++) {
      if (r.apiVersions().get(i).isEmpty()) {
        errs.add(FieldError.required(path + ".apiVersions[" + i + "]", ""));
      }
    }
    resources(r.resources(), path + ".resources", errs);
    if (!SCOPES.contains(r.scope())) {
      errs.add(FieldError.notSupported(path + ".scope", r.scope(), SCOPES));
    }
  }

  private static void resources(List<String> resources, String path, List<FieldError> errs) {
    if (resources.isEmpty()) {
      errs.add(FieldError.required(path, ""));
    }
    Set<String> withWildcardSub = new HashSet<>();
    Set<String> subWithWildcardRes = new HashSet<>();
    boolean doubleWildcard = false;
    boolean singleWildcard = false;
    boolean withoutSub = false;
    for (int i = 0; i < resources.size(); i++) {
      String resSub = resources.get(i);
      String p = path + "[" + i + "]";
      if (resSub.isEmpty()) {
        errs.add(FieldError.required(p, ""));
        continue;
      }
      doubleWildcard |= resSub.equals("*/*");
      singleWildcard |= resSub.equals("*");
      int slash = resSub.indexOf('/');
      if (slash < 0) {
        withoutSub = !resSub.equals("*");
        continue;
      }
      String res = resSub.substring(0, slash);
      String sub = resSub.substring(slash + 1);
      if (withWildcardSub.contains(res)) {
        errs.add(FieldError.invalidString(p, resSub,
            "if '" + res + "/*' is present, must not specify " + resSub));
      }
      if (subWithWildcardRes.contains(sub)) {
        errs.add(FieldError.invalidString(p, resSub,
            "if '*/" + sub + "' is present, must not specify " + resSub));
      }
      if (sub.equals("*")) {
        withWildcardSub.add(res);
      }
      if (res.equals("*")) {
        subWithWildcardRes.add(sub);
      }
    }
    if (resources.size() > 1 && doubleWildcard) {
      errs.add(FieldError.invalid(path, GoText.slice("string", resources),
          "if '*/*' is present, must not specify other resources"));
    }
    if (singleWildcard && withoutSub) {
      errs.add(FieldError.invalid(path, GoText.slice("string", resources),
          "if '*' is present, must not specify other resources without subresources"));
    }
  }

  /** {@code metav1validation.ValidateLabelSelector} with strict label values. */
  static void labelSelector(Object selector, String path, List<FieldError> errs) {
    Map<?, ?> s = Json.mapOrEmpty(selector);
    Map<String, String> labels = new TreeMap<>();
    Json.mapOrEmpty(s.get("matchLabels")).forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
    labels.forEach((k, v) -> {
      for (String msg : NameRules.qualifiedName(k)) {
        errs.add(FieldError.invalidString(path + ".matchLabels", k, msg));
      }
      for (String msg : NameRules.labelValue(v)) {
        errs.add(FieldError.invalidString(path + ".matchLabels", v, msg));
      }
    });
    List<Map<?, ?>> expressions = Json.maps(s.get("matchExpressions"));
    for (int i = 0; i < expressions.size(); i++) {
      Map<?, ?> e = expressions.get(i);
      String p = path + ".matchExpressions[" + i + "]";
      String op = Json.string(e.get("operator"));
      List<String> values = Json.strings(e.get("values"));
      switch (op) {
        case "In", "NotIn" -> {
          if (values.isEmpty()) {
            errs.add(FieldError.required(p + ".values",
                "must be specified when `operator` is 'In' or 'NotIn'"));
          }
        }
        case "Exists", "DoesNotExist" -> {
          if (!values.isEmpty()) {
            errs.add(FieldError.forbidden(p + ".values",
                "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
          }
        }
        default -> errs.add(FieldError.invalidString(p + ".operator", op, "not a valid selector operator"));
      }
      String key = Json.string(e.get("key"));
      for (String msg : NameRules.qualifiedName(key)) {
        errs.add(FieldError.invalidString(p + ".key", key, msg));
      }
      for (int j = 0; j < values.size(); j++) {
        for (String msg : NameRules.labelValue(values.get(j))) {
          errs.add(FieldError.invalidString(p + ".values[" + j + "]", values.get(j), msg));
        }
      }
    }
  }
}

package io.gatehouse.auth.cel;

import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.LabelSelectorRequirement;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.SelectorOperator;
import io.gatehouse.cel.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SubjectAccessReviewSpec a webhook authorizer builds from request attributes, as upstream's
 * webhook {@code Authorize}: user, uid, groups, extra; resource attributes (with field and label
 * selector requirements, converted to {@code In}/{@code NotIn}/{@code Exists}/{@code DoesNotExist}
 * as {@code resourceAttributesFrom} does, when the server version has {@code
 * AuthorizeWithSelectors}) or non-resource attributes.
 *
 * <p>{@link #celValue} is the {@code request} value of matchConditions: from 1.31 upstream builds it
 * with every string field present (empty when unset); before, through the unstructured converter,
 * which leaves empty {@code omitempty} fields out. Stateless.
 */
public final class RequestValue {

  private RequestValue() {}

  /** Returns the spec as the JSON tree a v1 SubjectAccessReview carries (empty fields omitted). */
  public static Map<String, Object> specJson(RequestAttributes a, KubernetesVersion version) {
    return spec(a, version, false);
  }

  /** Returns the {@code request} value for matchConditions. */
  public static Map<String, Object> celValue(RequestAttributes a, KubernetesVersion version) {
    return spec(a, version, version.atLeast(KubernetesVersion.of(1, 31)));
  }

  private static Map<String, Object> spec(
      RequestAttributes a, KubernetesVersion version, boolean allFields) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (a.resourceRequest()) {
      Map<String, Object> r = new LinkedHashMap<>();
      put(r, "namespace", a.namespace(), allFields);
      put(r, "verb", a.verb(), allFields);
      put(r, "group", a.apiGroup(), allFields);
      put(r, "version", a.apiVersion(), allFields);
      put(r, "resource", a.resource(), allFields);
      put(r, "subresource", a.subresource(), allFields);
      put(r, "name", a.name(), allFields);
      if (MatchConditionCompiler.selectors(version)) {
        List<Map<String, Object>> fields = fieldRequirements(a.fieldSelector());
        if (!fields.isEmpty()) {
          r.put("fieldSelector", Map.of("requirements", fields));
        }
        List<Map<String, Object>> labels = labelRequirements(a.labelSelector());
        if (!labels.isEmpty()) {
          r.put("labelSelector", Map.of("requirements", labels));
        }
      }
      spec.put("resourceAttributes", r);
    } else {
      Map<String, Object> n = new LinkedHashMap<>();
      put(n, "path", a.path(), allFields);
      put(n, "verb", a.verb(), allFields);
      spec.put("nonResourceAttributes", n);
    }
    put(spec, "user", a.user().name(), allFields);
    if (allFields || !a.user().groups().isEmpty()) {
      spec.put("groups", a.user().groups());
    }
    if (allFields || !a.user().extra().isEmpty()) {
      spec.put("extra", new TreeMap<>(a.user().extra()));
    }
    put(spec, "uid", a.user().uid(), allFields);
    return spec;
  }

  private static void put(Map<String, Object> m, String key, String value, boolean always) {
    if (always || !value.isEmpty()) {
      m.put(key, value);
    }
  }

  private static List<Map<String, Object>> fieldRequirements(List<FieldSelectorRequirement> reqs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FieldSelectorRequirement r : reqs) {
      String op = switch (r.operator()) {
        case EQUALS, DOUBLE_EQUALS -> "In";
        case NOT_EQUALS -> "NotIn";
        default -> null;
      };
      if (op != null) {
        out.add(requirement(r.field(), op, List.of(r.value())));
      }
    }
    return out;
  }

  private static List<Map<String, Object>> labelRequirements(List<LabelSelectorRequirement> reqs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LabelSelectorRequirement r : reqs) {
      String op = switch (r.operator()) {
        case IN, EQUALS, DOUBLE_EQUALS -> "In";
        case NOT_IN, NOT_EQUALS -> "NotIn";
        case EXISTS -> "Exists";
        case DOES_NOT_EXIST -> "DoesNotExist";
        case GREATER_THAN, LESS_THAN -> null;
      };
      if (op != null) {
        out.add(requirement(r.key(), op, r.operator() == SelectorOperator.EXISTS
            || r.operator() == SelectorOperator.DOES_NOT_EXIST ? List.of() : r.values()));
      }
    }
    return out;
  }

  private static Map<String, Object> requirement(String key, String op, List<String> values) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("operator", op);
    if (!values.isEmpty()) {
      m.put("values", values);
    }
    return m;
  }
}

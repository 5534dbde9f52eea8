package io.gatehouse.auth.rbac;

import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What kube-apiserver's {@code rbac/bootstrap-roles} post-start hook does with one bootstrap role
 * or binding and the stored object of the same kind, namespace and name (upstream's {@code
 * computeReconciledRole} and {@code computeReconciledRoleBinding} without removal of extra
 * permissions): a missing object is created; an existing one annotated {@code
 * rbac.authorization.kubernetes.io/autoupdate: "false"} is protected and left alone; otherwise it
 * keeps its own annotations, labels, rules and subjects and gains the expected ones it lacks —
 * the broken-down rules its rules do not cover ({@link RuleCoverage}), the aggregation selectors
 * it lacks (an aggregation rule the bootstrap role has none of is removed), the subjects it lacks —
 * and a binding whose {@code roleRef} differs is deleted and created again.
 *
 * <p>Stateless; thread-safe. Inputs are not modified.
 */
public final class BootstrapReconciliation {

  /** The key of the annotation that opts a stored object out of reconciliation. */
  public static final String AUTOUPDATE = "rbac.authorization.kubernetes.io/autoupdate";

  private static final String GROUP = "rbac.authorization.k8s.io";

  private BootstrapReconciliation() {}

  /** The write reconciliation needs. */
  public enum Operation {
    /** Create the bootstrap object. */
    CREATE,
    /** Update the stored object to {@link Result#object()}. */
    UPDATE,
    /** Delete the stored binding (its {@code roleRef} differs), then create the bootstrap one. */
    RECREATE,
    /** Nothing to do. */
    NONE
  }

  /**
   * The outcome for one object.
   *
   * @param operation the write needed (not to be done when {@code protectedObject})
   * @param protectedObject whether the stored object opted out ({@code autoupdate: "false"})
   * @param object the object to write: the bootstrap one for create and recreate, the merged one
   *     for update, the stored one otherwise
   * @param missingRules the broken-down rules the stored role lacked (roles only)
   * @param missingSubjects the subjects the stored binding lacked (bindings only)
   */
  public record Result(
      Operation operation,
      boolean protectedObject,
      Unstructured object,
      List<PolicyRule> missingRules,
      List<Object> missingSubjects) {

    /** Copies the lists. */
    public Result {
      missingRules = List.copyOf(missingRules);
      missingSubjects = List.copyOf(missingSubjects);
    }
  }

  /**
   * Reconciles {@code expected}, a bootstrap Role, ClusterRole, RoleBinding or ClusterRoleBinding,
   * with {@code existing}, the stored object of the same kind and name (null if none).
   */
  public static Result reconcile(Unstructured expected, @Nullable Unstructured existing) {
    boolean binding = expected.kind().endsWith("Binding");
    if (existing == null) {
      return new Result(Operation.CREATE, false, expected.deepCopy(),
          binding ? List.of() : rules(expected), binding ? subjects(expected) : List.of());
    }
    boolean protectedObject = "false".equals(existing.annotations().get(AUTOUPDATE));
    if (binding && !roleRef(expected).equals(roleRef(existing))) {
      return new Result(Operation.RECREATE, protectedObject, expected.deepCopy(), List.of(),
          List.of());
    }
    Unstructured result = existing.deepCopy();
    boolean changed = mergeMetadata(result, expected, existing, "annotations");
    changed |= mergeMetadata(result, expected, existing, "labels");
    return binding
        ? reconcileBinding(expected, existing, result, protectedObject, changed)
        : reconcileRole(expected, existing, result, protectedObject, changed);
  }

  private static Result reconcileRole(Unstructured expected, Unstructured existing,
      Unstructured result, boolean protectedObject, boolean changed) {
    List<PolicyRule> missing = RuleCoverage.uncovered(rules(existing), rules(expected));
    if (!missing.isEmpty()) {
      List<Object> all = new ArrayList<>(list(existing.object().get("rules")));
      missing.forEach(r -> all.add(r.toJson()));
      result.object().put("rules", all);
      changed = true;
    }
    Object expectedAggregation = expected.object().get("aggregationRule");
    Object existingAggregation = existing.object().get("aggregationRule");
    if (expectedAggregation == null && existingAggregation != null) {
      result.object().remove("aggregationRule");
      changed = true;
    } else if (expectedAggregation != null) {
      List<Object> mine = list(selectors(existingAggregation));
      List<Object> missingSelectors = new ArrayList<>();
      for (Object s : list(selectors(expectedAggregation))) {
        if (mine.stream().noneMatch(m -> Semantic.equal(m, s))) {
          missingSelectors.add(s);
        }
      }
      if (!missingSelectors.isEmpty()) {
        List<Object> all = new ArrayList<>(mine);
        all.addAll(missingSelectors);
        Map<String, Object> aggregation = existingAggregation instanceof Map<?, ?> m
            ? copy(m) : new LinkedHashMap<>();
        aggregation.put("clusterRoleSelectors", all);
        result.object().put("aggregationRule", aggregation);
        changed = true;
      }
    }
    return new Result(changed ? Operation.UPDATE : Operation.NONE, protectedObject,
        changed ? result : existing, missing, List.of());
  }

  private static Result reconcileBinding(Unstructured expected, Unstructured existing,
      Unstructured result, boolean protectedObject, boolean changed) {
    List<Object> mine = subjects(existing);
    List<Object> missing = new ArrayList<>();
    for (Object s : subjects(expected)) {
      boolean present = mine.stream().anyMatch(m -> subjectKey(m).equals(subjectKey(s)))
          || missing.stream().anyMatch(m -> subjectKey(m).equals(subjectKey(s)));
      if (!present) {
        missing.add(s);
      }
    }
    if (!missing.isEmpty()) {
      List<Object> all = new ArrayList<>(mine);
      all.addAll(missing);
      result.object().put("subjects", all);
      changed = true;
    }
    return new Result(changed ? Operation.UPDATE : Operation.NONE, protectedObject,
        changed ? result : existing, List.of(), missing);
  }

  /** Upstream's {@code merge(expected, existing)}: the stored values win; true if it changed. */
  private static boolean mergeMetadata(Unstructured result, Unstructured expected,
      Unstructured existing, String field) {
    Map<String, String> mine = field.equals("labels") ? existing.labels() : existing.annotations();
    Map<String, String> theirs =
        field.equals("labels") ? expected.labels() : expected.annotations();
    Map<String, String> merged = new LinkedHashMap<>(theirs);
    merged.putAll(mine);
    if (merged.equals(mine)) {
      return false;
    }
    result.metadataForWrite().put(field, new LinkedHashMap<String, Object>(merged));
    return true;
  }

  private static List<PolicyRule> rules(Unstructured role) {
    return PolicyRule.listFromJson(role.object().get("rules"));
  }

  private static List<Object> subjects(Unstructured binding) {
    return list(binding.object().get("subjects"));
  }

  private static @Nullable Object selectors(@Nullable Object aggregationRule) {
    return aggregationRule instanceof Map<?, ?> m ? m.get("clusterRoleSelectors") : null;
  }

  /** A roleRef as compared by upstream: group, kind, name. */
  private static List<String> roleRef(Unstructured binding) {
    Map<?, ?> ref = binding.object().get("roleRef") instanceof Map<?, ?> m ? m : Map.of();
    return List.of(str(ref.get("apiGroup")), str(ref.get("kind")), str(ref.get("name")));
  }

  /**
   * A subject as compared by upstream after API defaulting: User and Group subjects without an
   * {@code apiGroup} are in {@code rbac.authorization.k8s.io}.
   */
  static List<String> subjectKey(@Nullable Object subject) {
    Map<?, ?> s = subject instanceof Map<?, ?> m ? m : Map.of();
    String kind = str(s.get("kind"));
    String group = str(s.get("apiGroup"));
    if (group.isEmpty() && (kind.equals("User") || kind.equals("Group"))) {
      group = GROUP;
    }
    return List.of(kind, group, str(s.get("name")), str(s.get("namespace")));
  }

  private static List<Object> list(@Nullable Object o) {
    return o instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
  }

  private static Map<String, Object> copy(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static String str(@Nullable Object o) {
    return o instanceof String s ? s : "";
  }

  /** Semantic equality of JSON values: empty lists and maps equal absent ones. */
  private static final class Semantic {
    private Semantic() {}

    static @Nullable Object normalize(@Nullable Object v) {
      if (v instanceof Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, val) -> {
          Object n = normalize(val);
          if (n != null) {
            out.put(String.valueOf(k), n);
          }
        });
        return out.isEmpty() ? null : out;
      }
      if (v instanceof List<?> l) {
        List<Object> out = new ArrayList<>();
        l.forEach(e -> out.add(normalize(e)));
        return out.isEmpty() ? null : out;
      }
      return v;
    }

    static boolean equal(@Nullable Object a, @Nullable Object b) {
      return Objects.equals(normalize(a), normalize(b));
    }
  }
}

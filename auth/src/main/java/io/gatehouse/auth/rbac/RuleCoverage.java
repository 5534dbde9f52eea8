package io.gatehouse.auth.rbac;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether some rules grant everything other rules grant, as upstream's {@code Covers} (used by
 * escalation checks and bootstrap reconciliation): each servant rule is broken down into rules of
 * one API group, one resource (or one non-resource URL), one verb and at most one resource name;
 * a broken-down rule is covered when a single owner rule covers it. Stateless.
 */
public final class RuleCoverage {

  private RuleCoverage() {}

  /** Returns the broken-down rules of {@code servant} that no rule of {@code owner} covers, in order. */
  public static List<PolicyRule> uncovered(List<PolicyRule> owner, List<PolicyRule> servant) {
    List<PolicyRule> missing = new ArrayList<>();
    for (PolicyRule rule : servant) {
      for (PolicyRule sub : breakdown(rule)) {
        if (owner.stream().noneMatch(o -> covers(o, sub))) {
          missing.add(sub);
        }
      }
    }
    return missing;
  }

  /**
   * Upstream's {@code BreakdownRule}: for every group × resource × verb (× resource name) one rule,
   * then for every non-resource URL × verb one rule.
   */
  public static List<PolicyRule> breakdown(PolicyRule rule) {
    List<PolicyRule> out = new ArrayList<>();
    for (String group : rule.apiGroups()) {
      for (String resource : rule.resources()) {
        for (String verb : rule.verbs()) {
          if (rule.resourceNames().isEmpty()) {
            out.add(new PolicyRule(List.of(verb), List.of(group), List.of(resource), List.of(),
                List.of()));
          } else {
            for (String name : rule.resourceNames()) {
              out.add(new PolicyRule(List.of(verb), List.of(group), List.of(resource),
                  List.of(name), List.of()));
            }
          }
        }
      }
    }
    for (String url : rule.nonResourceURLs()) {
      for (String verb : rule.verbs()) {
        out.add(new PolicyRule(List.of(verb), List.of(), List.of(), List.of(), List.of(url)));
      }
    }
    return out;
  }

  /**
   * Upstream's {@code CompactRules}: rules with exactly one group and one resource and nothing
   * but verbs are merged per group and resource (verbs appended in order); other rules stay as
   * they are. The order of the result is not meaningful (upstream's is a map's).
   */
  public static List<PolicyRule> compact(List<PolicyRule> rules) {
    List<PolicyRule> out = new ArrayList<>();
    Map<List<String>, List<String>> simple = new LinkedHashMap<>();
    for (PolicyRule r : rules) {
      boolean isSimple = r.resourceNames().isEmpty() && r.nonResourceURLs().isEmpty()
          && r.apiGroups().size() == 1 && r.resources().size() == 1;
      if (isSimple) {
        simple.computeIfAbsent(List.of(r.apiGroups().get(0), r.resources().get(0)),
            k -> new ArrayList<>()).addAll(r.verbs());
      } else {
        out.add(r);
      }
    }
    simple.forEach((gr, verbs) -> out.add(PolicyRule.resources(verbs, List.of(gr.get(0)),
        List.of(gr.get(1)))));
    return out;
  }

  /** Whether {@code owner} covers {@code sub}, a broken-down rule. */
  static boolean covers(PolicyRule owner, PolicyRule sub) {
    boolean verbs = owner.verbs().contains("*") || hasAll(owner.verbs(), sub.verbs());
    boolean groups = owner.apiGroups().contains("*") || hasAll(owner.apiGroups(), sub.apiGroups());
    boolean resources = resourcesCover(owner.resources(), sub.resources());
    boolean urls = sub.nonResourceURLs().stream().allMatch(
        path -> owner.nonResourceURLs().stream().anyMatch(o -> urlCovers(o, path)));
    boolean names = sub.resourceNames().isEmpty()
        ? owner.resourceNames().isEmpty()
        : owner.resourceNames().isEmpty() || hasAll(owner.resourceNames(), sub.resourceNames());
    return verbs && groups && resources && names && urls;
  }

  private static boolean resourcesCover(List<String> owner, List<String> covered) {
    if (owner.contains("*") || hasAll(owner, covered)) {
      return true;
    }
    for (String path : covered) {
      if (owner.contains(path)) {
        continue;
      }
      int slash = path.indexOf('/');
      if (slash < 0 || !owner.contains("*/" + path.substring(slash + 1))) {
        return false;
      }
    }
    return true;
  }

  private static boolean urlCovers(String owner, String path) {
    if (owner.equals(path)) {
      return true;
    }
    return owner.endsWith("*") && path.startsWith(owner.replaceFirst("\\*+$", ""));
  }

  private static boolean hasAll(List<String> set, List<String> contains) {
    return new HashSet<>(set).containsAll(contains);
  }
}

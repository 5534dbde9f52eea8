package io.gatehouse.auth.rbac;

import io.gatehouse.api.authz.RequestAttributes;

/** Upstream's {@code RuleAllows}: whether one rule allows one request. Stateless. */
public final class RuleMatcher {

  private RuleMatcher() {}

  /** Returns whether {@code rule} allows {@code a}. */
  public static boolean allows(RequestAttributes a, PolicyRule rule) {
    if (a.resourceRequest()) {
      String combined =
          a.subresource().isEmpty() ? a.resource() : a.resource() + "/" + a.subresource();
      return verbMatches(rule, a.verb())
          && apiGroupMatches(rule, a.apiGroup())
          && resourceMatches(rule, combined, a.subresource())
          && resourceNameMatches(rule, a.name());
    }
    return verbMatches(rule, a.verb()) && nonResourceUrlMatches(rule, a.path());
  }

  static boolean verbMatches(PolicyRule rule, String verb) {
    for (String v : rule.verbs()) {
      if (v.equals("*") || v.equals(verb)) {
        return true;
      }
    }
    return false;
  }

  static boolean apiGroupMatches(PolicyRule rule, String group) {
    for (String g : rule.apiGroups()) {
      if (g.equals("*") || g.equals(group)) {
        return true;
      }
    }
    return false;
  }

  static boolean resourceMatches(PolicyRule rule, String combined, String subresource) {
    for (String r : rule.resources()) {
      if (r.equals("*") || r.equals(combined)) {
        return true;
      }
      if (!subresource.isEmpty()
          && r.length() == subresource.length() + 2
          && r.startsWith("*/")
          && r.endsWith(subresource)) {
        return true;
      }
    }
    return false;
  }

  static boolean resourceNameMatches(PolicyRule rule, String name) {
    return rule.resourceNames().isEmpty() || rule.resourceNames().contains(name);
  }

  static boolean nonResourceUrlMatches(PolicyRule rule, String path) {
    for (String u : rule.nonResourceURLs()) {
      if (u.equals("*") || u.equals(path)) {
        return true;
      }
      if (u.endsWith("*") && path.startsWith(u.replaceFirst("\\*+$", ""))) {
        return true;
      }
    }
    return false;
  }
}

package io.gatehouse.auth;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * kube-apiserver's authorizer chain: the privileged-group authorizer ({@code system:masters})
 * first, then the configured authorizers in order, combined as upstream's union (first Allow or
 * Deny wins; no opinion falls through, reasons joined by newlines, errors aggregated).
 * {@link #explain} also returns what each authorizer asked said.
 *
 * <p>Immutable; thread-safe if the entries are.
 */
public final class AuthorizerChain implements Authorizer, RuleResolver {

  /** The type of the implicit first entry. */
  public static final String PRIVILEGED_GROUPS = "PrivilegedGroups";

  /**
   * One authorizer of the chain.
   *
   * @param type the configuration type ({@code Webhook}, {@code RBAC}, …) or {@link
   *     #PRIVILEGED_GROUPS}
   * @param name the configured name
   * @param authorizer the authorizer
   */
  public record Entry(String type, String name, Authorizer authorizer) {}

  /**
   * What one authorizer answered.
   *
   * @param entry the authorizer
   * @param result its answer
   */
  public record Step(Entry entry, AuthorizationResult result) {}

  /**
   * The chain's answer with every step taken.
   *
   * @param result the union's answer
   * @param steps the authorizers asked, in order; the last decided unless all had no opinion
   */
  public record Explanation(AuthorizationResult result, List<Step> steps) {
    /** Copies the list. */
    public Explanation {
      steps = List.copyOf(steps);
    }
  }

  private final List<Entry> entries;

  private AuthorizerChain(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Returns the chain {@code system:masters}, then {@code configured}. */
  public static AuthorizerChain of(List<Entry> configured) {
    List<Entry> all = new ArrayList<>();
    all.add(new Entry(PRIVILEGED_GROUPS, "system:masters",
        PrivilegedGroupAuthorizer.of(PrivilegedGroupAuthorizer.SYSTEM_MASTERS)));
    all.addAll(configured);
    return new AuthorizerChain(all);
  }

  /** Returns every entry, the implicit privileged-group one first. */
  public List<Entry> entries() {
    return entries;
  }

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    return explain(attributes).result();
  }

  /**
   * The union of the configured authorizers' rules (upstream's {@code union.NewRuleResolvers}
   * built beside the chain): the privileged-group entry lists nothing, as upstream leaves it out;
   * an authorizer that is no {@link RuleResolver} counts as one that cannot list its rules.
   */
  @Override
  public UserRules userRules(io.gatehouse.api.authz.UserInfo user, String namespace) {
    List<UserRules> parts = new ArrayList<>();
    for (Entry e : entries) {
      if (e.type().equals(PRIVILEGED_GROUPS)) {
        continue;
      }
      parts.add(e.authorizer() instanceof RuleResolver r
          ? r.userRules(user, namespace)
          : UserRules.unsupported(e.type() + " authorizer " + e.name()
              + " does not support user rule resolution"));
    }
    return UserRules.union(parts);
  }

  /** Asks the authorizers in order, as {@link #authorize}, recording each answer. */
  public Explanation explain(RequestAttributes attributes) {
    List<Step> steps = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Entry e : entries) {
      AuthorizationResult r = e.authorizer().authorize(attributes);
      steps.add(new Step(e, r));
      if (!r.error().isEmpty()) {
        errors.add(r.error());
      }
      if (!r.reason().isEmpty()) {
        reasons.add(r.reason());
      }
      if (r.decision() == Decision.ALLOW || r.decision() == Decision.DENY) {
        return new Explanation(r, steps);
      }
    }
    return new Explanation(new AuthorizationResult(
        Decision.NO_OPINION, String.join("\n", reasons), Aggregate.message(errors)), steps);
  }
}

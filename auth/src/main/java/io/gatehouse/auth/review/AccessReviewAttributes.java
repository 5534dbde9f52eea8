package io.gatehouse.auth.review;

import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.LabelSelectorRequirement;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.SelectorOperator;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.validation.NameValidation;
import io.gatehouse.auth.review.AccessReviewSpec.Requirement;
import io.gatehouse.auth.review.AccessReviewSpec.Selector;
import io.gatehouse.cel.library.SelectorParse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a review's attributes into authorizer attributes, as upstream's {@code
 * ResourceAttributesFrom} / {@code NonResourceAttributesFrom}: an empty version means any ({@code
 * *}); a raw selector is parsed (a parse error leaves it out and is remembered); structured
 * requirements are converted one by one — label {@code In}/{@code NotIn}/{@code Exists}/{@code
 * DoesNotExist}, field {@code In}/{@code NotIn} with one value as {@code =}/{@code !=} — and those
 * that cannot be are dropped with an error, the rest kept (requirements are ANDed, so dropping one
 * only widens the check). {@link #evaluationError} is upstream's {@code BuildEvaluationError}.
 * Stateless.
 */
final class AccessReviewAttributes {

  private AccessReviewAttributes() {}

  static RequestAttributes of(UserInfo user, AccessReviewSpec spec) {
    AccessReviewSpec.NonResourceAttributes n = spec.nonResource();
    AccessReviewSpec.ResourceAttributes r = spec.resource();
    if (r == null) {
      return RequestAttributes.nonResource(user, n == null ? "" : n.verb(), n == null ? "" : n.path());
    }
    RequestAttributes a = RequestAttributes.resource(user, r.verb(), r.namespace(), r.group(),
        r.version().isEmpty() ? "*" : r.version(), r.resource(), r.subresource(), r.name());
    if (r.labelSelector() != null) {
      a = labels(a, r.labelSelector());
    }
    if (r.fieldSelector() != null) {
      a = fields(a, r.fieldSelector());
    }
    return a;
  }

  /** The user a SubjectAccessReview or LocalSubjectAccessReview asks about. */
  static UserInfo user(AccessReviewSpec spec) {
    return new UserInfo(spec.user(), spec.uid(), spec.groups(), Map.copyOf(spec.extra()));
  }

  private static RequestAttributes labels(RequestAttributes a, Selector s) {
    RequestAttributes out = a;
    if (!s.rawSelector().isEmpty()) {
      SelectorParse<LabelSelectorRequirement> p = SelectorParse.labelSelector(s.rawSelector());
      out = p.failed() ? out.withLabelSelector(List.of(), p.error())
          : out.withLabelSelector(p.requirements(), "");
    }
    if (!s.requirements().isEmpty()) {
      List<LabelSelectorRequirement> kept = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (Requirement r : s.requirements()) {
        @Nullable SelectorOperator op = switch (r.operator()) {
          case "In" -> SelectorOperator.IN;
          case "NotIn" -> SelectorOperator.NOT_IN;
          case "Exists" -> SelectorOperator.EXISTS;
          case "DoesNotExist" -> SelectorOperator.DOES_NOT_EXIST;
          default -> null;
        };
        if (op == null) {
          errors.add(io.gatehouse.api.GoQuote.quote(r.operator())
              + " is not a valid label selector operator");
          continue;
        }
        String invalid = labelRequirementError(r.key(), op, r.values());
        if (!invalid.isEmpty()) {
          errors.add(invalid);
          continue;
        }
        kept.add(new LabelSelectorRequirement(r.key(), op, r.values()));
      }
      out = out.withLabelSelector(kept, io.gatehouse.auth.Aggregate.message(errors));
    }
    return out;
  }

  /** Whether {@code labels.NewRequirement} refuses the requirement (its text is never shown). */
  private static String labelRequirementError(String key, SelectorOperator op, List<String> values) {
    if (!NameValidation.isQualifiedName(key).isEmpty()) {
      return "invalid label key " + io.gatehouse.api.GoQuote.quote(key);
    }
    boolean needsValues = op == SelectorOperator.IN || op == SelectorOperator.NOT_IN;
    if (needsValues == values.isEmpty()) {
      return needsValues ? "for 'in', 'notin' operators, values set can't be empty"
          : "values set must be empty for exists and does not exist";
    }
    for (String v : values) {
      if (!NameValidation.isValidLabelValue(v).isEmpty()) {
        return "invalid label value: " + io.gatehouse.api.GoQuote.quote(v);
      }
    }
    return "";
  }

  private static RequestAttributes fields(RequestAttributes a, Selector s) {
    RequestAttributes out = a;
    if (!s.rawSelector().isEmpty()) {
      SelectorParse<FieldSelectorRequirement> p = SelectorParse.fieldSelector(s.rawSelector());
      out = p.failed() ? out.withFieldSelector(List.of(), p.error())
          : out.withFieldSelector(p.requirements(), "");
    }
    if (!s.requirements().isEmpty()) {
      List<FieldSelectorRequirement> kept = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (Requirement r : s.requirements()) {
        if (r.values().size() > 1) {
          errors.add("fieldSelectors do not yet support multiple values");
          continue;
        }
        switch (r.operator()) {
          case "In", "NotIn" -> {
            if (r.values().size() != 1) {
              errors.add(r.operator().equals("In") ? "fieldSelectors in must have one value"
                  : "fieldSelectors not in must have one value");
              continue;
            }
            kept.add(new FieldSelectorRequirement(r.key(), r.operator().equals("In")
                ? SelectorOperator.EQUALS : SelectorOperator.NOT_EQUALS, r.values().get(0)));
          }
          case "Exists", "DoesNotExist" ->
              errors.add("fieldSelectors do not yet support " + r.operator());
          default -> errors.add(io.gatehouse.api.GoQuote.quote(r.operator())
              + " is not a valid field selector operator");
        }
      }
      out = out.withFieldSelector(kept, io.gatehouse.auth.Aggregate.message(errors));
    }
    return out;
  }

  /**
   * Upstream's {@code BuildEvaluationError}: the authorizer's error, then a note per selector that
   * could not be (fully) used, joined by {@code "; "}.
   */
  static String evaluationError(String authorizerError, RequestAttributes a) {
    List<String> parts = new ArrayList<>();
    if (!authorizerError.isEmpty()) {
      parts.add(authorizerError);
    }
    if (!a.fieldSelectorError().isEmpty()) {
      parts.add(a.fieldSelector().isEmpty()
          ? "spec.resourceAttributes.fieldSelector ignored due to parse error"
          : "spec.resourceAttributes.fieldSelector partially ignored due to parse error");
    }
    if (!a.labelSelectorError().isEmpty()) {
      parts.add(a.labelSelector().isEmpty()
          ? "spec.resourceAttributes.labelSelector ignored due to parse error"
          : "spec.resourceAttributes.labelSelector partially ignored due to parse error");
    }
    return String.join("; ", parts);
  }
}

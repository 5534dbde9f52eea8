package io.gatehouse.auth.review;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.RuleResolver;
import io.gatehouse.auth.UserRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code authorization.k8s.io/v1} SelfSubjectRulesReview as kube-apiserver's REST storage answers
 * it: the requester's rules in {@code spec.namespace} from the rule resolver beside the authorizer
 * chain, {@code incomplete} and {@code evaluationError} as the resolvers report them. The answer
 * carries an empty spec, as upstream builds a fresh review. Stateless.
 */
public final class RulesReviews {

  private static final Set<String> TOP_FIELDS =
      Set.of("apiVersion", "kind", "metadata", "spec", "status");
  private static final String KIND = "SelfSubjectRulesReview";

  private RulesReviews() {}

  /** What a request comes to: 201 with the review, or 400 with upstream's text. */
  public sealed interface Outcome {}

  /**
   * 201 with the review.
   *
   * @param review the answered review
   * @param unknownFields {@code unknown field "<path>"} for fields the type does not have
   */
  public record Answered(Map<String, Object> review, List<String> unknownFields)
      implements Outcome {
    /** Copies the list. */
    public Answered {
      unknownFields = List.copyOf(unknownFields);
    }
  }

  /** @param message upstream's 400 text */
  public record BadRequest(String message) implements Outcome {}

  /**
   * Reads and answers a review body (apiVersion and kind already checked).
   *
   * @param version the API version of the request
   * @param requester who asks, null if unknown
   */
  public static Outcome answer(String version, Map<?, ?> body, @Nullable UserInfo requester,
      RuleResolver resolver) {
    JsonFields json = new JsonFields();
    String namespace;
    try {
      Map<String, @Nullable Object> top = json.checked(body, "", TOP_FIELDS);
      json.object(top, "metadata", "metadata", KIND, "v1.ObjectMeta", ObjectMetaJson.fieldNames());
      Map<String, @Nullable Object> spec = json.object(top, "spec", "spec", KIND,
          "v1.SelfSubjectRulesReviewSpec", Set.of("namespace"));
      namespace = json.string(spec, "namespace", "spec.namespace", "SelfSubjectRulesReviewSpec");
    } catch (JsonFields.TypeMismatch e) {
      return new BadRequest(KIND + " in version " + GoQuote.quote(version)
          + " cannot be handled as a " + KIND + ": " + e.getMessage());
    }
    if (requester == null) {
      return new BadRequest("no user present on request");
    }
    if (namespace.isEmpty()) {
      return new BadRequest("no namespace on request");
    }
    UserRules rules = resolver.userRules(requester, namespace);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("resourceRules", rules.resourceRules().stream().map(RulesReviews::json).toList());
    status.put("nonResourceRules",
        rules.nonResourceRules().stream().map(RulesReviews::json).toList());
    status.put("incomplete", rules.incomplete());
    if (!rules.evaluationError().isEmpty()) {
      status.put("evaluationError", rules.evaluationError());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", KIND);
    out.put("apiVersion", "authorization.k8s.io/" + version);
    out.put("metadata", ObjectMetaJson.render(Map.of()));
    out.put("spec", Map.of());
    out.put("status", status);
    return new Answered(out, json.unknownFields());
  }

  private static Map<String, Object> json(UserRules.ResourceRule r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("verbs", r.verbs());
    putIfNotEmpty(out, "apiGroups", r.apiGroups());
    putIfNotEmpty(out, "resources", r.resources());
    putIfNotEmpty(out, "resourceNames", r.resourceNames());
    return out;
  }

  private static Map<String, Object> json(UserRules.NonResourceRule r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("verbs", r.verbs());
    putIfNotEmpty(out, "nonResourceURLs", r.nonResourceURLs());
    return out;
  }

  private static void putIfNotEmpty(Map<String, Object> out, String key, List<String> values) {
    if (!values.isEmpty()) {
      out.put(key, values);
    }
  }
}

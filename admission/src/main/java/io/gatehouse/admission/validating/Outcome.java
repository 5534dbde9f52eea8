package io.gatehouse.admission.validating;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Denial;
import io.gatehouse.admission.Evaluation;
import io.gatehouse.admission.Warning;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates what one request's policies produce (denied decisions, warnings, audit annotations)
 * and turns it into the {@link AdmissionResult}, the first denial worded as upstream's response.
 * Not thread-safe.
 */
final class Outcome {

  static final String PLUGIN = "ValidatingAdmissionPolicy";
  static final String VALIDATION_FAILURE_KEY = "validation.policy.admission.k8s.io/validation_failure";

  private final List<Denial> denials = new ArrayList<>();
  private final Set<String> warningTexts = new LinkedHashSet<>();
  private final List<Warning> warnings = new ArrayList<>();
  private final Map<String, String> annotations = new LinkedHashMap<>();
  private final Set<Evaluation> evaluations = new LinkedHashSet<>();
  private @Nullable Status status;

  Map<String, String> annotations() {
    return annotations;
  }

  /** Records that {@code policy} with {@code binding} (empty for the policy alone) was evaluated. */
  void evaluated(String policy, String binding) {
    evaluations.add(new Evaluation(PLUGIN, policy, binding));
  }

  /** Adds a denied decision; {@code binding} is null for policy-level configuration errors. */
  void deny(String policy, @Nullable String binding, String message, String reason, String expression,
      String check) {
    String text = binding == null
        ? "ValidatingAdmissionPolicy '" + policy + "' denied request: " + message
        : "ValidatingAdmissionPolicy '" + policy + "' with binding '" + binding + "' denied request: "
            + message;
    String r = reason.isEmpty() ? "Invalid" : reason;
    denials.add(new Denial(PLUGIN, policy, binding == null ? "" : binding, text, r, code(r),
        expression, check));
  }

  void warn(String policy, String binding, String message, String check) {
    String text = "Validation failed for ValidatingAdmissionPolicy '" + policy + "' with binding '"
        + binding + "': " + message;
    if (warningTexts.add(text)) {
      warnings.add(new Warning(PLUGIN, policy, binding, text, check));
    }
  }

  /** Records the audit annotation of an audited failure; only the first one survives. */
  void audit(Binding binding, int expressionIndex, String message) {
    StringBuilder json = new StringBuilder("[{\"message\":").append(GoText.json(message))
        .append(",\"policy\":").append(GoText.json(binding.policyName()))
        .append(",\"binding\":").append(GoText.json(binding.name()))
        .append(",\"expressionIndex\":").append(expressionIndex)
        .append(",\"validationActions\":[");
    for (int i = 0; i < binding.validationActions().size(); i++) {
      json.append(i > 0 ? "," : "").append(GoText.json(binding.validationActions().get(i)));
    }
    annotations.putIfAbsent(VALIDATION_FAILURE_KEY, json.append("]}]").toString());
  }

  /** Ends the request with the error of a namespace that does not exist, as upstream does. */
  void namespaceNotFound(String namespace) {
    String message = "namespaces \"" + namespace + "\" not found";
    denials.add(0, new Denial(PLUGIN, "", "", message, "NotFound", 404, "", "namespace"));
    status = new Status(message, StatusReason.NOT_FOUND,
        new Status.Details(namespace, "", "namespaces", List.of()), 404);
  }

  AdmissionResult result(AdmissionAttributes attributes) {
    if (denials.isEmpty()) {
      return new AdmissionResult(List.of(), warnings, annotations, null, List.copyOf(evaluations));
    }
    Status s = status != null ? status : forbidden(attributes, denials.get(0));
    return new AdmissionResult(denials, warnings, annotations, s, List.copyOf(evaluations));
  }

  private static Status forbidden(AdmissionAttributes a, Denial first) {
    String name = a.name();
    if (name.isEmpty()) {
      name = "Unknown";
      if (a.object() != null) {
        name = !a.object().name().isEmpty() ? a.object().name()
            : !a.object().generateName().isEmpty() ? a.object().generateName() : name;
      }
    }
    String group = a.resource().group();
    String resource = a.resource().resource();
    String qualified = group.isEmpty() ? resource : resource + "." + group;
    String message = group.isEmpty() && resource.isEmpty()
        ? "forbidden: " + first.message()
        : qualified + " " + GoText.quote(name) + " is forbidden: " + first.message();
    return new Status(message, StatusReason.fromWire(first.reason()),
        new Status.Details(name, group, resource, List.of(new Status.Cause("", first.message(), ""))),
        first.code());
  }

  /** Upstream's {@code reasonToCode}. */
  static int code(String reason) {
    return switch (reason) {
      case "Forbidden" -> 403;
      case "Unauthorized" -> 401;
      case "RequestEntityTooLarge" -> 413;
      default -> 422;
    };
  }

  /** Truncates to {@code max} UTF-8 bytes as Go slices a string. */
  static String truncateBytes(String s, int max) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= max ? s : new String(bytes, 0, max, StandardCharsets.UTF_8);
  }
}

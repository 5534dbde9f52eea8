package io.gatehouse.admission.validating;

import io.gatehouse.cel.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * kube-apiserver's create-time validation of a ValidatingAdmissionPolicyBinding ({@code
 * validateValidatingAdmissionPolicyBinding}). Servers before 1.31 report {@code matchResources}
 * errors under upstream's misspelt path {@code spec.matchResouces}. Stateless; thread-safe.
 */
final class BindingApiValidation {

  private static final List<String> ACTIONS = List.of("Audit", "Deny", "Warn");
  private static final KubernetesVersion TYPO_FIXED = KubernetesVersion.of(1, 31);

  private BindingApiValidation() {}

  static List<FieldError> validate(Binding b, KubernetesVersion server) {
    List<FieldError> errs = new ArrayList<>();
    CommonValidation.objectMeta(b.metadata(), errs);
    if (b.policyName().isEmpty()) {
      errs.add(FieldError.required("spec.policyName", ""));
    } else {
      for (String msg : NameRules.nameIsDnsSubdomain(b.policyName(), false)) {
        errs.add(FieldError.invalidString("spec.policyName", b.policyName(), msg));
      }
    }
    if (b.paramRef() != null) {
      paramRef(b.paramRef(), errs);
    }
    if (b.matchResources() != null) {
      String path = server.atLeast(TYPO_FIXED) ? "spec.matchResources" : "spec.matchResouces";
      CommonValidation.matchResources(b.matchResources(), path, errs);
    }
    validationActions(b.validationActions(), errs);
    return errs;
  }

  private static void paramRef(Binding.ParamRef pr, List<FieldError> errs) {
    String path = "spec.paramRef";
    String exclusive = "name and selector are mutually exclusive";
    if (!pr.name().isEmpty()) {
      for (String msg : NameRules.pathSegmentName(pr.name())) {
        errs.add(FieldError.invalidString(path + ".name", pr.name(), msg));
      }
      if (pr.selector() != null) {
        errs.add(FieldError.forbidden(path + ".name", exclusive));
      }
    }
    if (pr.selector() != null) {
      CommonValidation.labelSelector(pr.selector(), path + ".selector", errs);
      if (!pr.name().isEmpty()) {
        errs.add(FieldError.forbidden(path + ".selector", exclusive));
      }
    }
    if (pr.name().isEmpty() && pr.selector() == null) {
      errs.add(FieldError.required(path, "one of name or selector must be specified"));
    }
    String action = pr.parameterNotFoundAction();
    if (action == null || action.isEmpty()) {
      errs.add(FieldError.required(path + ".parameterNotFoundAction", ""));
    } else if (!action.equals("Deny") && !action.equals("Allow")) {
      errs.add(FieldError.notSupported(path + ".parameterNotFoundAction", action, List.of("Deny", "Allow")));
    }
  }

  private static void validationActions(List<String> actions, List<FieldError> errs) {
    String path = "spec.validationActions";
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < actions.size(); i++) {
      String action = actions.get(i);
      if (!ACTIONS.contains(action)) {
        errs.add(FieldError.notSupported(path + "[" + i + "]", action, ACTIONS));
      }
      if (seen.contains(action)) {
        errs.add(FieldError.duplicate(path + "[" + i + "]", action));
      }
      seen.add(action);
    }
    if (seen.contains("Deny") && seen.contains("Warn")) {
      errs.add(FieldError.invalid(path, GoText.slice("admissionregistration.ValidationAction", actions),
          "must not contain both Deny and Warn (repeating the same validation failure information"
              + " in the API response and headers serves no purpose)"));
    }
    if (seen.isEmpty()) {
      errs.add(FieldError.required(path, "at least one validation action is required"));
    }
  }
}

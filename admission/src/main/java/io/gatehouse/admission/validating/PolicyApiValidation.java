package io.gatehouse.admission.validating;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import io.gatehouse.admission.expression.AdmissionEnvironments;
import io.gatehouse.admission.expression.CompiledCondition;
import io.gatehouse.admission.expression.ConditionCompiler;
import io.gatehouse.admission.expression.EnvironmentKey;
import io.gatehouse.admission.expression.VariablesType;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * kube-apiserver's create-time validation of a ValidatingAdmissionPolicy ({@code
 * validateValidatingAdmissionPolicy}), every expression compiled in the new-expressions
 * environment of the server version. Stateless; thread-safe.
 */
final class PolicyApiValidation {

  private static final List<String> FAILURE_POLICIES = List.of("Fail", "Ignore");
  private static final List<String> REASONS = List.of("Forbidden", "Invalid", "RequestEntityTooLarge");
  private static final int MAX_AUDIT_ANNOTATIONS = 20;
  private static final int MAX_VALUE_EXPRESSION_BYTES = 5 * 1024;

  private PolicyApiValidation() {}

  static List<FieldError> validate(Policy p, KubernetesVersion server, boolean strictCost) {
    List<FieldError> errs = new ArrayList<>();
    CommonValidation.objectMeta(p.metadata(), errs);
    boolean params = p.paramKind() != null;
    boolean composition = !p.variables().isEmpty();
    VariablesType variables =
        composition
            ? new VariablesType(p.variables().stream().map(Policy.NamedExpression::name).toList())
            : null;
    Environment env = env(server, strictCost, params, true, composition, variables);
    Environment messageEnv = env(server, strictCost, params, false, composition, variables);

    if (!FAILURE_POLICIES.contains(p.failurePolicy())) {
      errs.add(p.failurePolicy().isEmpty()
          ? FieldError.required("spec.failurePolicy", "")
          : FieldError.notSupported("spec.failurePolicy", p.failurePolicy(), FAILURE_POLICIES));
    }
    if (p.paramKind() != null) {
      paramKind(p.paramKind(), errs);
    }
    if (p.matchConstraints() == null) {
      errs.add(FieldError.required("spec.matchConstraints", ""));
    } else {
      CommonValidation.matchResources(p.matchConstraints(), "spec.matchConstraints", errs);
      if (p.matchConstraints().resourceRules().isEmpty()) {
        errs.add(FieldError.required("spec.matchConstraints.resourceRules", ""));
      }
    }
    matchConditions(p, env(server, strictCost, params, true, false, null), errs);
    for (int i = 0; i < p.variables().size(); i++) {
      variable(p.variables().get(i), env, variables, "spec.variables[" + i + "]", errs);
    }
    if (p.validations().isEmpty() && p.auditAnnotations().isEmpty()) {
      String detail = "validations or auditAnnotations must contain at least one item";
      errs.add(FieldError.required("spec.validations", detail));
      errs.add(FieldError.required("spec.auditAnnotations", detail));
      return errs;
    }
    for (int i = 0; i < p.validations().size(); i++) {
      validation(p.validations().get(i), env, messageEnv, "spec.validations[" + i + "]", errs);
    }
    if (p.auditAnnotations().size() > MAX_AUDIT_ANNOTATIONS) {
      errs.add(FieldError.invalid("spec.auditAnnotations", auditAnnotationsValue(p),
          "must not have more than " + MAX_AUDIT_ANNOTATIONS + " auditAnnotations"));
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < p.auditAnnotations().size(); i++) {
      Policy.AuditAnnotation a = p.auditAnnotations().get(i);
      String path = "spec.auditAnnotations[" + i + "]";
      auditAnnotation(p.name(), a, env, path, errs);
      if (!keys.add(a.key())) {
        errs.add(FieldError.duplicate(path + ".key", a.key()));
      }
    }
    return errs;
  }

  private static Environment env(KubernetesVersion server, boolean strictCost, boolean params,
      boolean authorizer, boolean composition, @Nullable VariablesType variables) {
    return AdmissionEnvironments.environment(
        new EnvironmentKey(server, EnvironmentType.NEW_EXPRESSIONS, strictCost, params, authorizer,
            composition),
        variables);
  }

  private static void paramKind(Policy.ParamKind pk, List<FieldError> errs) {
    String path = "spec.paramKind";
    if (pk.apiVersion().isEmpty()) {
      errs.add(FieldError.required(path + ".apiVersion", ""));
    } else if (pk.apiVersion().chars().filter(c -> c == '/').count() > 1) {
      errs.add(FieldError.invalidString(path + ".apiVersion", pk.apiVersion(),
          "unexpected GroupVersion string: " + pk.apiVersion()));
    } else if (!pk.apiVersion().equals("/")) {
      GroupVersion gv = GroupVersion.parse(pk.apiVersion());
      if (!gv.group().isEmpty()) {
        List<String> msgs = NameRules.dns1123Subdomain(gv.group());
        if (!msgs.isEmpty()) {
          errs.add(FieldError.invalidString(path + ".apiVersion", gv.group(), String.join(",", msgs)));
        }
      }
      if (gv.version().isEmpty()) {
        errs.add(FieldError.invalidString(path + ".apiVersion", pk.apiVersion(),
            "version must be specified"));
      } else {
        List<String> msgs = NameRules.dns1035Label(gv.version());
        if (!msgs.isEmpty()) {
          errs.add(FieldError.invalidString(path + ".apiVersion", gv.version(), String.join(",", msgs)));
        }
      }
    } else {
      errs.add(FieldError.invalidString(path + ".apiVersion", pk.apiVersion(),
          "version must be specified"));
    }
    if (pk.kind().isEmpty()) {
      errs.add(FieldError.required(path + ".kind", ""));
    } else {
      List<String> msgs = NameRules.dns1035Label(pk.kind().toLowerCase(java.util.Locale.ROOT));
      if (!msgs.isEmpty()) {
        errs.add(FieldError.invalidString(path + ".kind", pk.kind(),
            "may have mixed case, but should otherwise match: " + String.join(",", msgs)));
      }
    }
  }

  private static void matchConditions(Policy p, Environment env, List<FieldError> errs) {
    if (p.matchConditions().size() > 64) {
      errs.add(FieldError.tooMany("spec.matchConditions", p.matchConditions().size(), 64));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < p.matchConditions().size(); i++) {
      Policy.NamedExpression c = p.matchConditions().get(i);
      String path = "spec.matchConditions[" + i + "]";
      String trimmed = GoText.trimSpace(c.expression());
      if (trimmed.isEmpty()) {
        errs.add(FieldError.required(path + ".expression", ""));
      } else {
        compile(env, trimmed, List.of(SimpleType.BOOL), path + ".expression", trimmed, errs);
      }
      if (c.name().isEmpty()) {
        errs.add(FieldError.required(path + ".name", ""));
      } else {
        for (String msg : NameRules.qualifiedName(c.name())) {
          errs.add(FieldError.invalidString(path + ".name", c.name(), msg));
        }
        if (!names.add(c.name())) {
          errs.add(FieldError.duplicate(path + ".name", c.name()));
        }
      }
    }
  }

  private static void variable(Policy.NamedExpression v, Environment env,
      @Nullable VariablesType variables, String path, List<FieldError> errs) {
    if (GoText.trimSpace(v.name()).isEmpty()) {
      errs.add(FieldError.required(path + ".name", "name is not specified"));
    } else if (!NameRules.isCelIdentifier(v.name())) {
      errs.add(FieldError.invalidString(path + ".name", v.name(), "name is not a valid CEL identifier"));
    }
    if (GoText.trimSpace(v.expression()).isEmpty()) {
      errs.add(FieldError.required(path + ".expression", "expression is not specified"));
      return;
    }
    CompiledCondition compiled = ConditionCompiler.compile(env, v.expression(), List.of());
    if (variables != null) {
      variables.declare(v.name(), compiled.outputType());
    }
    if (compiled.error() != null) {
      errs.add(FieldError.invalidString(path + ".expression", v.expression(), compiled.error()));
    }
  }

  private static void validation(Policy.Validation v, Environment env, Environment messageEnv,
      String path, List<FieldError> errs) {
    if (GoText.trimSpace(v.expression()).isEmpty()) {
      errs.add(FieldError.required(path + ".expression", "expression is not specified"));
    } else {
      compile(env, v.expression(), List.of(SimpleType.BOOL), path + ".expression", v.expression(), errs);
    }
    String trimmedMessageExpression = GoText.trimSpace(v.messageExpression());
    if (!v.messageExpression().isEmpty() && trimmedMessageExpression.isEmpty()) {
      errs.add(FieldError.invalidString(path + ".messageExpression", v.messageExpression(),
          "must be non-empty if specified"));
    } else if (!trimmedMessageExpression.isEmpty()) {
      compile(messageEnv, v.messageExpression(), List.of(SimpleType.STRING),
          path + ".messageExpression", v.messageExpression(), errs);
    }
    String trimmedMessage = GoText.trimSpace(v.message());
    if (!v.message().isEmpty() && trimmedMessage.isEmpty()) {
      errs.add(FieldError.invalidString(path + ".message", v.message(),
          "message must be non-empty if specified"));
    } else if (trimmedMessage.contains("\n") || trimmedMessage.contains("\r")) {
      errs.add(FieldError.invalidString(path + ".message", v.message(),
          "message must not contain line breaks"));
    }
    if (v.reason() != null && !REASONS.contains(v.reason())) {
      errs.add(FieldError.notSupported(path + ".reason", v.reason(), REASONS));
    }
  }

  private static void auditAnnotation(String policyName, Policy.AuditAnnotation a, Environment env,
      String path, List<FieldError> errs) {
    if (!policyName.isEmpty()) {
      String qualified = policyName + "/" + a.key();
      for (String msg : NameRules.qualifiedName(qualified)) {
        errs.add(FieldError.invalidString(path + ".key", qualified, msg));
      }
    } else {
      errs.add(FieldError.invalidString(path + ".key", a.key(), "requires metadata.name be non-empty"));
    }
    String trimmed = GoText.trimSpace(a.valueExpression());
    if (trimmed.isEmpty()) {
      errs.add(FieldError.required(path + ".valueExpression", "valueExpression is not specified"));
    } else if (trimmed.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_EXPRESSION_BYTES) {
      errs.add(FieldError.required(path + ".valueExpression",
          "must not exceed " + MAX_VALUE_EXPRESSION_BYTES + " bytes in length"));
    } else {
      compile(env, trimmed, List.of(SimpleType.STRING, SimpleType.NULL_TYPE),
          path + ".valueExpression", a.valueExpression(), errs);
    }
  }

  private static void compile(Environment env, String expression, List<CelType> returnTypes,
      String path, String shownValue, List<FieldError> errs) {
    CompiledCondition compiled = ConditionCompiler.compile(env, expression, returnTypes);
    if (compiled.error() != null) {
      errs.add(FieldError.invalidString(path, shownValue, compiled.error()));
    }
  }

  private static String auditAnnotationsValue(Policy p) {
    StringBuilder b = new StringBuilder("[]admissionregistration.AuditAnnotation{");
    for (int i = 0; i < p.auditAnnotations().size(); i++) {
      Policy.AuditAnnotation a = p.auditAnnotations().get(i);
      b.append(i > 0 ? ", " : "").append("admissionregistration.AuditAnnotation{Key:")
          .append(GoText.quote(a.key())).append(", ValueExpression:")
          .append(GoText.quote(a.valueExpression())).append('}');
    }
    return b.append('}').toString();
  }
}

package io.gatehouse.server.schema;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.GoSyntax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code x-kubernetes-validations} checks of CRD validation: each rule's text, message,
 * messageExpression, reason and fieldPath ({@link #check}), then the compile results of {@link
 * RuleCompiler} turned into errors ({@link #compile}). Stateless.
 */
final class RuleChecks {

  private RuleChecks() {}

  static void check(JsonSchema s, String path, List<FieldError> errs) {
    for (int i = 0; i < s.xValidations.size(); i++) {
      ValidationRule rule = s.xValidations.get(i);
      String p = Path.index(Path.child(path, "x-kubernetes-validations"), i);
      String rule0 = rule.rule().strip();
      String msg = rule.message().strip();
      if (rule0.isEmpty()) {
        errs.add(FieldError.required(p + ".rule", "rule is not specified"));
      } else if (!rule.message().isEmpty() && msg.isEmpty()) {
        errs.add(FieldError.invalid(p + ".message", rule.message(),
            "message must be non-empty if specified"));
      } else if (newlines(msg)) {
        errs.add(FieldError.invalid(p + ".message", rule.message(),
            "message must not contain line breaks"));
      } else if (newlines(rule0) && msg.isEmpty()) {
        errs.add(FieldError.required(p + ".message",
            "message must be specified if rule contains line breaks"));
      }
      if (!rule.messageExpression().isEmpty() && rule.messageExpression().isBlank()) {
        errs.add(FieldError.required(p + ".messageExpression",
            "messageExpression must be non-empty if specified"));
      }
      if (rule.reason() != null && !SchemaWalk.reasons().contains(rule.reason())) {
        errs.add(FieldError.notSupported(p + ".reason", rule.reason(), SchemaWalk.reasons()));
      }
      if (!rule.fieldPath().isEmpty() && rule.fieldPath().isBlank()) {
        errs.add(FieldError.invalid(p + ".fieldPath", rule.fieldPath(),
            "fieldPath must be non-empty if specified"));
      }
      if (newlines(rule.fieldPath())) {
        errs.add(FieldError.invalid(p + ".fieldPath", rule.fieldPath(),
            "fieldPath must not contain line breaks"));
      }
      if (!rule.fieldPath().isEmpty() && !FieldPaths.valid(rule.fieldPath(), s)) {
        errs.add(FieldError.invalid(p + ".fieldPath", rule.fieldPath(),
            "fieldPath must be a valid path"));
      }
    }
  }

  static List<FieldError> compile(JsonSchema s, String path, boolean resourceRoot,
      SchemaRules.Options opts, @Nullable String uncorrelatable) {
    List<FieldError> errs = new ArrayList<>();
    List<RuleCompiler.Result> results = opts.rules().compile(s, resourceRoot, s.xValidations,
        opts.preexisting());
    for (int i = 0; i < results.size(); i++) {
      RuleCompiler.Result r = results.get(i);
      ValidationRule rule = s.xValidations.get(i);
      String p = Path.index(Path.child(path, "x-kubernetes-validations"), i);
      GoText.Raw ruleValue = new GoText.Raw(goSyntax(rule));
      if (r.error() != null) {
        errs.add(r.errorIsRequired() ? FieldError.required(p + ".rule", r.error())
            : FieldError.invalid(p + ".rule", ruleValue, r.error()));
      }
      if (r.messageExpressionError() != null) {
        errs.add(FieldError.invalid(p + ".messageExpression", ruleValue,
            r.messageExpressionError()));
      }
      if (r.usesOldSelf()) {
        if (uncorrelatable != null) {
          errs.add(FieldError.invalid(p + ".rule", rule.rule(), "oldSelf cannot be used on the"
              + " uncorrelatable portion of the schema within " + uncorrelatable));
        }
      } else if (rule.optionalOldSelf() != null) {
        errs.add(FieldError.invalid(p + ".optionalOldSelf", rule.optionalOldSelf(),
            "may not be set if oldSelf is not used in rule"));
      }
    }
    return errs;
  }

  /** Go's {@code %#v} of the internal {@code apiextensions.ValidationRule} (no String method). */
  static String goSyntax(ValidationRule r) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Rule", GoQuote.quote(r.rule()));
    f.put("Message", GoQuote.quote(r.message()));
    f.put("MessageExpression", GoQuote.quote(r.messageExpression()));
    f.put("Reason", GoSyntax.pointer("apiextensions.FieldValueErrorReason", r.reason() != null));
    f.put("FieldPath", GoQuote.quote(r.fieldPath()));
    f.put("OptionalOldSelf", GoSyntax.pointer("bool", r.optionalOldSelf() != null));
    return GoSyntax.struct("apiextensions.ValidationRule", f);
  }

  private static boolean newlines(String s) {
    return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
  }
}

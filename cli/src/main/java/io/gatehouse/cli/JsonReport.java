package io.gatehouse.cli;

import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Denial;
import io.gatehouse.admission.Warning;
import io.gatehouse.api.codec.ManifestError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of a report: {@code {"results": [{"resource": {...}, "operation", "allowed",
 * "denials", "warnings", "auditAnnotations", ...}], "errors": [...], "policyProblems": [...]}}.
 */
final class JsonReport {

  private JsonReport() {}

  static Map<String, Object> toJson(Report report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("results", report.outcomes().stream().map(JsonReport::result).toList());
    root.put("errors", report.errors().stream().map(ManifestError::toString).toList());
    root.put("policyProblems", report.policyProblems());
    return root;
  }

  private static Map<String, Object> result(AdmitOutcome o) {
    AdmissionResult r = o.result();
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("apiVersion", o.apiVersion());
    resource.put("kind", o.kind());
    resource.put("namespace", o.namespace());
    resource.put("name", o.name());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resource", resource);
    m.put("source", o.manifest().location());
    m.put("operation", o.operation().name());
    m.put("allowed", r.allowed());
    m.put("denials", r.denials().stream().map(JsonReport::denial).toList());
    m.put("warnings", r.warnings().stream().map(JsonReport::warning).toList());
    m.put("auditAnnotations", r.auditAnnotations());
    if (r.status() != null) {
      m.put("status", r.status().toMap());
    }
    return m;
  }

  static Map<String, Object> denial(Denial d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plugin", d.plugin());
    m.put("policy", d.policy());
    m.put("binding", d.binding());
    m.put("message", d.message());
    m.put("reason", d.reason());
    m.put("code", d.code());
    m.put("expression", d.expression());
    m.put("check", d.check());
    m.put("fields", d.fields());
    return m;
  }

  static Map<String, Object> warning(Warning w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plugin", w.plugin());
    m.put("policy", w.policy());
    m.put("binding", w.binding());
    m.put("message", w.message());
    m.put("check", w.check());
    m.put("fields", w.fields());
    return m;
  }

}

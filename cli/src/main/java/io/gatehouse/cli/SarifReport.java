package io.gatehouse.cli;

import io.gatehouse.admission.Denial;
import io.gatehouse.admission.Warning;
import io.gatehouse.api.codec.ManifestError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0: one rule per policy, one result per admitted object × policy/binding pair ({@code
 * fail} at level {@code error} for a denial, {@code warning} for warnings only; {@code pass}
 * otherwise), located at the object's file and line; input problems are {@code error} results of
 * rule {@code gatehouse/input}.
 */
final class SarifReport {

  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifReport() {}

  static Map<String, Object> toSarif(Report report) {
    Map<String, Map<String, Object>> rules = new TreeMap<>();
    List<Object> results = new ArrayList<>();
    for (AdmitOutcome o : report.outcomes()) {
      for (Pairs p : Pairs.of(o.result())) {
        String ruleId = p.pair().plugin() + "/" + (p.pair().policy().isEmpty() ? "-" : p.pair().policy());
        rules.computeIfAbsent(ruleId, id -> rule(id, p.pair().plugin() + " " + p.pair().policy()));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ruleId", ruleId);
        if (!p.denials().isEmpty()) {
          r.put("kind", "fail");
          r.put("level", "error");
          r.put("message", Map.of("text", o.operation() + " " + o.display() + " denied: "
              + String.join("; ", p.denials().stream().map(Denial::message).toList())));
        } else if (!p.warnings().isEmpty()) {
          r.put("kind", "fail");
          r.put("level", "warning");
          r.put("message", Map.of("text", String.join("; ", p.warnings().stream().map(Warning::message).toList())));
        } else {
          r.put("kind", "pass");
          r.put("level", "none");
          r.put("message", Map.of("text", o.operation() + " " + o.display() + " admitted by " + p.name()));
        }
        r.put("locations", List.of(location(o.manifest().source(), o.manifest().line())));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("binding", p.pair().binding());
        props.put("resource", o.display());
        props.put("operation", o.operation().name());
        if (!p.denials().isEmpty()) {
          props.put("denials", p.denials().stream().map(JsonReport::denial).toList());
        }
        r.put("properties", props);
        results.add(r);
      }
    }
    for (ManifestError e : report.errors()) {
      rules.computeIfAbsent("gatehouse/input", id -> rule(id, "Input that could not be read"));
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("ruleId", "gatehouse/input");
      r.put("kind", "fail");
      r.put("level", "error");
      r.put("message", Map.of("text", e.reason()));
      r.put("locations", List.of(location(e.source(), e.line())));
      results.add(r);
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "gatehouse");
    driver.put("rules", new ArrayList<>(rules.values()));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("results", results);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    root.put("runs", List.of(run));
    return root;
  }

  private static Map<String, Object> rule(String id, String description) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("shortDescription", Map.of("text", description.trim()));
    return r;
  }

  private static Map<String, Object> location(String file, int line) {
    // Insertion-ordered: Map.of iterates in an order that changes from run to run.
    Map<String, Object> physical = new LinkedHashMap<>();
    physical.put("artifactLocation", Map.of("uri", file));
    physical.put("region", Map.of("startLine", line));
    return Map.of("physicalLocation", physical);
  }
}

package io.gatehouse.cli;

import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Denial;
import io.gatehouse.admission.Warning;
import java.io.PrintWriter;

/**
 * The human-readable report: for each object its verdict, every denial (Gatehouse lists all; the
 * API server returns the first, shown on the {@code server} line exactly as it would answer),
 * warnings and audit annotations; then a summary.
 */
final class TextReport {

  private TextReport() {}

  static void write(Report report, PrintWriter out) {
    for (String p : report.policyProblems()) {
      out.println("POLICY   kube-apiserver would reject: " + p);
    }
    if (!report.policyProblems().isEmpty()) {
      out.println();
    }
    for (AdmitOutcome o : report.outcomes()) {
      AdmissionResult r = o.result();
      out.printf(
          "%-8s %s %s (%s)%n",
          r.allowed() ? "ALLOWED" : "DENIED", o.operation(), o.display(), o.manifest().location());
      for (Denial d : r.denials()) {
        out.println("  deny   " + d.message()
            + (d.reason().equals("Invalid") ? "" : " (" + d.reason() + ")"));
        detail(out, d.check(), d.fields());
      }
      for (Warning w : r.warnings()) {
        out.println("  warn   " + w.message());
        detail(out, w.check(), w.fields());
      }
      r.auditAnnotations().forEach((k, v) -> out.println("  audit  " + k + "=" + v));
      if (r.status() != null) {
        out.println("  server " + r.status().code() + " " + r.status().reason().wire() + ": "
            + r.status().message());
      }
    }
    summary(report, out);
  }

  /** Names what failed ({@code check}) and where ({@code fields}), when the plugin knows. */
  private static void detail(PrintWriter out, String check, java.util.List<String> fields) {
    if (check.isEmpty() && fields.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder("         ");
    if (!check.isEmpty()) {
      b.append("check ").append(check);
    }
    if (!fields.isEmpty()) {
      b.append(check.isEmpty() ? "" : "; ").append(fields.size() == 1 ? "field " : "fields ")
          .append(String.join(", ", fields));
    }
    out.println(b);
  }

  private static void summary(Report report, PrintWriter out) {
    out.printf(
        "%n%d object(s): %d allowed, %d denied, %d warning(s)%s%n",
        report.outcomes().size(),
        report.outcomes().size() - report.denied(),
        report.denied(),
        report.warnings(),
        report.errors().isEmpty() ? "" : ", " + report.errors().size() + " input error(s)");
  }
}

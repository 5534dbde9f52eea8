package io.gatehouse.cli;

import io.gatehouse.admission.Denial;
import io.gatehouse.admission.Warning;
import io.gatehouse.api.codec.ManifestError;
import java.io.PrintWriter;
import java.util.List;

/**
 * JUnit XML: a test suite per admitted object, a test case per policy/binding pair that applied
 * (failed when it denied; warnings in {@code system-out}), a passing {@code admission} case for an
 * object no policy applied to, and an {@code input} suite with one error case per input problem.
 */
final class JunitReport {

  private JunitReport() {}

  static void write(Report report, PrintWriter out) {
    int tests = 0;
    int failures = 0;
    StringBuilder body = new StringBuilder();
    for (AdmitOutcome o : report.outcomes()) {
      List<Pairs> pairs = Pairs.of(o.result());
      int suiteFailures = 0;
      StringBuilder cases = new StringBuilder();
      String classname = "admit." + o.kind() + "." + (o.namespace().isEmpty() ? "" : o.namespace() + ".") + o.name();
      if (pairs.isEmpty()) {
        cases.append("    <testcase classname=\"").append(xml(classname))
            .append("\" name=\"admission\"/>\n");
      }
      for (Pairs p : pairs) {
        cases.append("    <testcase classname=\"").append(xml(classname))
            .append("\" name=\"").append(xml(p.name())).append("\">\n");
        for (Denial d : p.denials()) {
          cases.append("      <failure type=\"").append(xml(d.reason())).append("\" message=\"")
              .append(xml(d.message())).append("\">")
              .append(xml(d.message() + (d.expression().isEmpty() ? "" : "\nexpression: " + d.expression())))
              .append("</failure>\n");
        }
        if (!p.warnings().isEmpty()) {
          cases.append("      <system-out>");
          for (Warning w : p.warnings()) {
            cases.append(xml("warning: " + w.message())).append('\n');
          }
          cases.append("</system-out>\n");
        }
        cases.append("    </testcase>\n");
        suiteFailures += p.denials().isEmpty() ? 0 : 1;
      }
      int suiteTests = Math.max(1, pairs.size());
      tests += suiteTests;
      failures += suiteFailures;
      body.append("  <testsuite name=\"").append(xml(o.operation() + " " + o.display()))
          .append("\" tests=\"").append(suiteTests).append("\" failures=\"").append(suiteFailures)
          .append("\" errors=\"0\" skipped=\"0\" file=\"").append(xml(o.manifest().source()))
          .append("\">\n").append(cases).append("  </testsuite>\n");
    }
    if (!report.errors().isEmpty()) {
      body.append("  <testsuite name=\"input\" tests=\"").append(report.errors().size())
          .append("\" failures=\"0\" errors=\"").append(report.errors().size())
          .append("\" skipped=\"0\">\n");
      for (ManifestError e : report.errors()) {
        body.append("    <testcase classname=\"input\" name=\"").append(xml(e.source() + ":" + e.line()))
            .append("\">\n      <error message=\"").append(xml(e.reason())).append("\"/>\n    </testcase>\n");
      }
      body.append("  </testsuite>\n");
      tests += report.errors().size();
    }
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.println("<testsuites name=\"gatehouse admit\" tests=\"" + tests + "\" failures=\""
        + failures + "\" errors=\"" + report.errors().size() + "\">");
    out.print(body);
    out.println("</testsuites>");
  }

  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c == '\n' || c == '\t' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
            b.appendCodePoint(c);
          } else {
            b.append("&#x").append(Integer.toHexString(0xFFFD)).append(';');
          }
        }
      }
    });
    return b.toString();
  }
}

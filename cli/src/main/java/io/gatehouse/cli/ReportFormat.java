package io.gatehouse.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** The output formats of {@code admit}. */
enum ReportFormat {
  /** For people. */
  TEXT {
    @Override
    void write(Report report, PrintWriter out) {
      TextReport.write(report, out);
    }
  },
  /** The documented JSON contract. */
  JSON {
    @Override
    void write(Report report, PrintWriter out) {
      out.println(Json.pretty(JsonReport.toJson(report)));
    }
  },
  /** JUnit XML: one test case per resource × policy binding. */
  JUNIT {
    @Override
    void write(Report report, PrintWriter out) {
      JunitReport.write(report, out);
    }
  },
  /** SARIF 2.1.0: one result per resource × policy binding. */
  SARIF {
    @Override
    void write(Report report, PrintWriter out) {
      out.println(Json.pretty(SarifReport.toSarif(report)));
    }
  };

  abstract void write(Report report, PrintWriter out);

  static ReportFormat parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "invalid output format \"" + text + "\": must be text, json, junit or sarif");
    }
  }
}

package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Prints the verdict counts of an {@code admit -o json} result file. */
public final class AdmitSummary {

  private AdmitSummary() {}

  /** Usage: {@code AdmitSummary RESULT.json}. */
  public static void main(String[] args) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    int allowed = 0;
    int denied = 0;
    int denials = 0;
    int warnings = 0;
    for (JsonNode r : root.get("results")) {
      if (r.get("allowed").asBoolean()) {
        allowed++;
      } else {
        denied++;
      }
      denials += r.get("denials").size();
      warnings += r.get("warnings").size();
    }
    System.out.printf(
        "results: %d (%d allowed, %d denied; %d denials, %d warnings); input errors: %d;"
            + " policy problems: %d%n",
        allowed + denied, allowed, denied, denials, warnings, root.get("errors").size(),
        root.get("policyProblems").size());
  }
}

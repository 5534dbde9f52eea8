package io.gatehouse.cli;

import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Denial;
import io.gatehouse.admission.Evaluation;
import io.gatehouse.admission.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a result by policy/binding pair for per-pair reports (JUnit, SARIF): every evaluated
 * pair, plus any pair that only appears in a denial or warning.
 */
record Pairs(Evaluation pair, List<Denial> denials, List<Warning> warnings) {

  static List<Pairs> of(AdmissionResult result) {
    Map<String, Pairs> byKey = new LinkedHashMap<>();
    for (Evaluation e : result.evaluations()) {
      byKey.computeIfAbsent(key(e.plugin(), e.policy(), e.binding()),
          k -> new Pairs(e, new ArrayList<>(), new ArrayList<>()));
    }
    for (Denial d : result.denials()) {
      byKey.computeIfAbsent(key(d.plugin(), d.policy(), d.binding()),
          k -> new Pairs(new Evaluation(d.plugin(), d.policy(), d.binding()),
              new ArrayList<>(), new ArrayList<>()))
          .denials().add(d);
    }
    for (Warning w : result.warnings()) {
      byKey.computeIfAbsent(key(w.plugin(), w.policy(), w.binding()),
          k -> new Pairs(new Evaluation(w.plugin(), w.policy(), w.binding()),
              new ArrayList<>(), new ArrayList<>()))
          .warnings().add(w);
    }
    return List.copyOf(byKey.values());
  }

  /** Returns {@code policy / binding}, or the plugin name when there is no policy. */
  String name() {
    if (pair.policy().isEmpty()) {
      return pair.plugin();
    }
    return pair.binding().isEmpty() ? pair.policy() : pair.policy() + " / " + pair.binding();
  }

  private static String key(String plugin, String policy, String binding) {
    return plugin + "\u0000" + policy + "\u0000" + binding;
  }
}

package io.gatehouse.server;

import io.gatehouse.admission.plugin.PluginSelection;
import io.gatehouse.admission.toleration.DefaultTolerationSecondsAdmission;
import java.util.List;

/**
 * kube-apiserver's admission plugin flags.
 *
 * @param enablePlugins {@code --enable-admission-plugins}: plugins to run besides the default set
 * @param disablePlugins {@code --disable-admission-plugins}: default plugins not to run
 * @param defaultNotReadyTolerationSeconds {@code --default-not-ready-toleration-seconds} (300)
 * @param defaultUnreachableTolerationSeconds {@code --default-unreachable-toleration-seconds}
 *     (300)
 */
public record AdmissionOptions(List<String> enablePlugins, List<String> disablePlugins,
    long defaultNotReadyTolerationSeconds, long defaultUnreachableTolerationSeconds) {

  /** No flags: the default plugins, 300 s tolerations. */
  public static final AdmissionOptions DEFAULT = new AdmissionOptions(List.of(), List.of(),
      DefaultTolerationSecondsAdmission.DEFAULT_SECONDS,
      DefaultTolerationSecondsAdmission.DEFAULT_SECONDS);

  /** Copies the lists. */
  public AdmissionOptions {
    enablePlugins = List.copyOf(enablePlugins);
    disablePlugins = List.copyOf(disablePlugins);
  }

  /** The plugins these flags select, with upstream's checks. */
  public PluginSelection selection() {
    return PluginSelection.of(enablePlugins, disablePlugins);
  }
}

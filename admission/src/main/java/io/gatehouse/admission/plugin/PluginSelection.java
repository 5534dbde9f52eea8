package io.gatehouse.admission.plugin;

import io.gatehouse.api.GoQuote;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The admission plugins a server runs, from {@code --enable-admission-plugins} and {@code
 * --disable-admission-plugins} as kube-apiserver computes them ({@code enabledPluginNames}): the
 * default set, plus the enabled, minus the disabled, in {@link PluginNames#ORDERED} order.
 *
 * @param enabled the plugins that run, in order (including ones Gatehouse does not implement)
 * @param notEnforced the enabled plugins Gatehouse does not implement, all of them on by default
 *     upstream (webhooks, ResourceQuota, …), in order
 * @param errors what is wrong with the flags, upstream's texts first (unknown names, overlap),
 *     then Gatehouse's refusal of plugins it does not implement that are off by default upstream
 *     and were asked for; empty when the flags are usable
 */
public record PluginSelection(List<String> enabled, List<String> notEnforced,
    List<String> errors) {

  /** Copies the lists. */
  public PluginSelection {
    enabled = List.copyOf(enabled);
    notEnforced = List.copyOf(notEnforced);
    errors = List.copyOf(errors);
  }

  /** The selection when neither flag is given. */
  public static final PluginSelection DEFAULT = of(List.of(), List.of());

  /**
   * Resolves the flags (each the flag's comma-separated values, empty when not given).
   * Never throws; problems are in {@link #errors()}.
   */
  public static PluginSelection of(List<String> enable, List<String> disable) {
    List<String> errors = new ArrayList<>();
    Set<String> known = Set.copyOf(PluginNames.ORDERED);
    for (String name : enable) {
      if (!known.contains(name)) {
        errors.add("enable-admission-plugins plugin " + GoQuote.quote(name) + " is unknown");
      }
    }
    for (String name : disable) {
      if (!known.contains(name)) {
        errors.add("disable-admission-plugins plugin " + GoQuote.quote(name) + " is unknown");
      }
    }
    TreeSet<String> overlap = new TreeSet<>(enable);
    overlap.retainAll(Set.copyOf(disable));
    if (!overlap.isEmpty()) {
      errors.add("[" + String.join(" ", overlap) + "] in enable-admission-plugins and "
          + "disable-admission-plugins overlapped");
    }
    for (String name : enable) {
      if (known.contains(name) && !PluginNames.IMPLEMENTED.contains(name)
          && !PluginNames.UPSTREAM_DEFAULT_ON.contains(name)) {
        errors.add("enable-admission-plugins plugin " + GoQuote.quote(name)
            + " is not implemented by Gatehouse");
      }
    }
    Set<String> disabled = new HashSet<>(disable);
    for (String name : PluginNames.ORDERED) {
      if (!PluginNames.DEFAULT_ON.contains(name)) {
        disabled.add(name);
      }
    }
    disabled.removeAll(Set.copyOf(enable));
    List<String> enabled = new ArrayList<>();
    List<String> notEnforced = new ArrayList<>();
    for (String name : PluginNames.ORDERED) {
      if (!disabled.contains(name)) {
        enabled.add(name);
        if (!PluginNames.IMPLEMENTED.contains(name)) {
          notEnforced.add(name);
        }
      }
    }
    return new PluginSelection(enabled, notEnforced, errors);
  }

  /** Whether {@code plugin} runs. */
  public boolean enables(String plugin) {
    return enabled.contains(plugin);
  }
}

package io.gatehouse.admission.toleration;

import static io.gatehouse.admission.ObjectFields.child;
import static io.gatehouse.admission.ObjectFields.childList;
import static io.gatehouse.admission.ObjectFields.maps;
import static io.gatehouse.admission.ObjectFields.str;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.MutatingAdmission;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.Unstructured;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code DefaultTolerationSeconds} admission plugin, as upstream's {@code
 * defaulttolerationseconds.Plugin}: on pod create and update (not subresources) a pod that does
 * not tolerate {@code node.kubernetes.io/not-ready:NoExecute} (a toleration whose key is that or
 * empty, and whose effect is {@code NoExecute} or empty) gets {@code {key:
 * node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: N}}
 * appended, and likewise for {@code node.kubernetes.io/unreachable}; N is {@code
 * --default-not-ready-toleration-seconds} / {@code --default-unreachable-toleration-seconds} (300
 * by default). Never denies. Immutable and thread-safe.
 */
public final class DefaultTolerationSecondsAdmission implements MutatingAdmission {

  /** The plugin's name. */
  public static final String PLUGIN = "DefaultTolerationSeconds";
  /** Upstream's default for both flags. */
  public static final long DEFAULT_SECONDS = 300;
  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  private static final String NO_EXECUTE = "NoExecute";

  private final long notReadySeconds;
  private final long unreachableSeconds;

  private DefaultTolerationSecondsAdmission(long notReadySeconds, long unreachableSeconds) {
    this.notReadySeconds = notReadySeconds;
    this.unreachableSeconds = unreachableSeconds;
  }

  /** Returns the plugin adding tolerations of the given durations. */
  public static DefaultTolerationSecondsAdmission create(long notReadySeconds,
      long unreachableSeconds) {
    return new DefaultTolerationSecondsAdmission(notReadySeconds, unreachableSeconds);
  }

  @Override
  public String name() {
    return PLUGIN;
  }

  @Override
  public AdmissionResult admit(AdmissionAttributes a) {
    Unstructured pod = a.object();
    if (pod == null || !a.resource().group().isEmpty() || !a.resource().resource().equals("pods")
        || !a.subresource().isEmpty()
        || (a.operation() != Operation.CREATE && a.operation() != Operation.UPDATE)) {
      return AdmissionResult.ALLOWED;
    }
    Map<String, @Nullable Object> spec = child(pod.object(), "spec");
    boolean notReady = false;
    boolean unreachable = false;
    for (Map<String, @Nullable Object> t : maps(spec.get("tolerations"))) {
      String key = str(t.get("key"));
      String effect = str(t.get("effect"));
      if (effect.isEmpty() || effect.equals(NO_EXECUTE)) {
        notReady |= key.isEmpty() || key.equals(NOT_READY);
        unreachable |= key.isEmpty() || key.equals(UNREACHABLE);
      }
    }
    if (!notReady) {
      childList(spec, "tolerations").add(toleration(NOT_READY, notReadySeconds));
    }
    if (!unreachable) {
      childList(spec, "tolerations").add(toleration(UNREACHABLE, unreachableSeconds));
    }
    return AdmissionResult.ALLOWED;
  }

  private static Map<String, @Nullable Object> toleration(String key, long seconds) {
    Map<String, @Nullable Object> t = new LinkedHashMap<>();
    t.put("key", key);
    t.put("operator", "Exists");
    t.put("effect", NO_EXECUTE);
    t.put("tolerationSeconds", seconds);
    return t;
  }
}

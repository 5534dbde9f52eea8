package io.gatehouse.admission.podsecurity;

import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates pods against the Pod Security Standards at a level and policy version: upstream's
 * {@code policy.Evaluator} over its default checks.
 *
 * <p>Each check has revisions by minimum policy version; a version evaluates the newest revision
 * not newer than it, and a version newer than the newest revision (including {@code latest} and
 * future minors) evaluates as the newest ({@link #maxVersion()}). {@code privileged} runs no
 * checks. At {@code restricted} the baseline checks run too, except those a restricted check
 * overrides at that version. Results are ordered baseline checks by id, then restricted checks by
 * id, as upstream orders them.
 *
 * <p>Immutable and thread-safe; build one and share it. Evaluation never throws for odd input: JSON
 * values of the wrong type read as absent.
 *
 * <pre>{@code
 * Evaluator evaluator = Evaluator.create();
 * Optional<ObjectEvaluation> result =
 *     evaluator.evaluateObject(deployment, LevelVersion.parse("restricted:v1.30"));
 * }</pre>
 */
public final class Evaluator {

  private final CheckFn[][] baselineChecks;
  private final String[][] baselineIds;
  private final CheckFn[][] restrictedChecks;
  private final String[][] restrictedIds;
  private final int maxMinor;

  private Evaluator(List<Check> checks, @Nullable Version emulationVersion) {
    int max = 0;
    for (Check c : checks) {
      max = Math.max(max, (int) c.versions().get(c.versions().size() - 1).minimumVersion().minor());
    }
    List<Check> byId = new ArrayList<>(checks);
    byId.sort(Comparator.comparing(Check::id, GoText.BYTE_ORDER));
    List<Check> ordered = new ArrayList<>();
    byId.stream().filter(c -> c.level() == Level.BASELINE).forEach(ordered::add);
    byId.stream().filter(c -> c.level() == Level.RESTRICTED).forEach(ordered::add);
    baselineChecks = new CheckFn[max + 1][];
    baselineIds = new String[max + 1][];
    restrictedChecks = new CheckFn[max + 1][];
    restrictedIds = new String[max + 1][];
    for (int minor = 0; minor <= max; minor++) {
      Map<String, VersionedCheck> applicable = new HashMap<>();
      Set<String> overridden = new HashSet<>();
      for (Check c : ordered) {
        VersionedCheck v = revisionAt(c, minor);
        if (v != null) {
          applicable.put(c.id(), v);
          if (c.level() == Level.RESTRICTED) {
            overridden.addAll(v.overrides());
          }
        }
      }
      List<CheckFn> baseFns = new ArrayList<>();
      List<String> baseIds = new ArrayList<>();
      List<CheckFn> restrictedFns = new ArrayList<>();
      List<String> restrictedIdList = new ArrayList<>();
      for (Check c : ordered) {
        VersionedCheck v = applicable.get(c.id());
        if (v == null) {
          continue;
        }
        if (c.level() == Level.BASELINE) {
          baseFns.add(v.fn());
          baseIds.add(c.id());
        }
        if (c.level() == Level.RESTRICTED || !overridden.contains(c.id())) {
          restrictedFns.add(v.fn());
          restrictedIdList.add(c.id());
        }
      }
      baselineChecks[minor] = baseFns.toArray(CheckFn[]::new);
      baselineIds[minor] = baseIds.toArray(String[]::new);
      restrictedChecks[minor] = restrictedFns.toArray(CheckFn[]::new);
      restrictedIds[minor] = restrictedIdList.toArray(String[]::new);
    }
    // an emulated older server knows no newer policy version than its own
    maxMinor =
        emulationVersion != null && !emulationVersion.latest() && emulationVersion.minor() < max
            ? (int) emulationVersion.minor()
            : max;
  }

  /** Returns an evaluator of the default checks, as current kube-apiserver runs them. */
  public static Evaluator create() {
    return builder().build();
  }

  /** Returns a builder for an evaluator with non-default server settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of an evaluator; not thread-safe. */
  public static final class Builder {
    private @Nullable Version emulationVersion;
    private boolean userNamespacesPodSecurityStandards;

    private Builder() {}

    /**
     * Emulates a kube-apiserver of version {@code version} (its {@code --emulated-version}): no
     * policy version newer than it is known, so {@code latest} means it.
     */
    public Builder emulationVersion(Version version) {
      this.emulationVersion = version;
      return this;
    }

    /**
     * Enables the feature gate {@code UserNamespacesPodSecurityStandards} of 1.29–1.34 servers (off
     * by default, removed in 1.35): pods with {@code hostUsers: false} then pass {@code
     * runAsNonRoot}, {@code runAsUser} and baseline {@code procMount} at every policy version.
     */
    public Builder userNamespacesPodSecurityStandards(boolean enabled) {
      this.userNamespacesPodSecurityStandards = enabled;
      return this;
    }

    /** Builds the evaluator. */
    public Evaluator build() {
      return new Evaluator(
          Checks.defaults(new Features(userNamespacesPodSecurityStandards)), emulationVersion);
    }
  }

  /** Returns the newest policy version this evaluator knows: what {@code latest} evaluates as. */
  public Version maxVersion() {
    return Version.of(maxMinor);
  }

  /**
   * Returns the ids of the checks that run at {@code lv}, in evaluation order.
   *
   * @param lv the level and version
   */
  public List<String> checkIds(LevelVersion lv) {
    if (lv.level() == Level.PRIVILEGED) {
      return List.of();
    }
    int minor = minor(lv.version());
    return List.of(lv.level() == Level.BASELINE ? baselineIds[minor] : restrictedIds[minor]);
  }

  /**
   * Evaluates a pod at {@code lv}, applying the API server defaults that matter to Pod Security (a
   * volume without source is an {@code emptyDir}; with {@code hostNetwork: true} a port without
   * {@code hostPort} uses its {@code containerPort}). Use {@link #evaluateObject} for templates.
   *
   * @param lv the level and version
   * @param podMetadata the pod's {@code metadata} map, or null
   * @param podSpec the pod's {@code spec} map, or null (an empty pod)
   */
  public PolicyEvaluation evaluate(
      LevelVersion lv, @Nullable Map<String, ?> podMetadata, @Nullable Map<String, ?> podSpec) {
    return evaluate(lv, PodView.of(podMetadata, podSpec, true));
  }

  /**
   * Evaluates the pod or pod template of {@code object} at {@code lv}: a {@code v1 Pod}, or the
   * template of a {@code PodTemplate}, {@code ReplicationController}, {@code ReplicaSet}, {@code
   * Deployment}, {@code StatefulSet}, {@code DaemonSet}, {@code Job} or {@code CronJob}. Field
   * paths in the violations are paths in {@code object}.
   *
   * @return the evaluation, or empty when {@code object} is not of those kinds or is a
   *     ReplicationController without a template
   */
  public Optional<ObjectEvaluation> evaluateObject(Unstructured object, LevelVersion lv) {
    Optional<PodTemplates> kind = PodTemplates.ofKind(object.groupVersionKind());
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    PodTemplates t = kind.get();
    return t.extract(object)
        .map(
            pod -> {
              PolicyEvaluation e = evaluate(lv, PodView.of(pod.metadata(), pod.spec(), t.isPod()));
              List<Violation> prefixed = new ArrayList<>(e.violations().size());
              for (Violation v : e.violations()) {
                prefixed.add(v.withFieldPrefix(pod.fieldPrefix()));
              }
              return new ObjectEvaluation(
                  pod.fieldPrefix().isEmpty(), new PolicyEvaluation(lv, prefixed));
            });
  }

  /** Evaluates a parsed pod; the hot path shared by the admission plugin's three modes. */
  PolicyEvaluation evaluate(LevelVersion lv, PodView pod) {
    if (lv.level() == Level.PRIVILEGED) {
      return new PolicyEvaluation(lv, List.of());
    }
    int minor = minor(lv.version());
    boolean baseline = lv.level() == Level.BASELINE;
    CheckFn[] fns = baseline ? baselineChecks[minor] : restrictedChecks[minor];
    String[] ids = baseline ? baselineIds[minor] : restrictedIds[minor];
    List<Violation> violations = null;
    for (int i = 0; i < fns.length; i++) {
      CheckResult r = fns[i].check(pod);
      if (!r.allowed()) {
        if (violations == null) {
          violations = new ArrayList<>(4);
        }
        violations.add(new Violation(ids[i], r.reason(), r.detail(), r.containers(), r.fields()));
      }
    }
    return new PolicyEvaluation(lv, violations == null ? List.of() : violations);
  }

  private int minor(Version v) {
    return v.latest() || v.minor() > maxMinor ? maxMinor : (int) v.minor();
  }

  private static @Nullable VersionedCheck revisionAt(Check c, int minor) {
    VersionedCheck found = null;
    for (VersionedCheck v : c.versions()) {
      if (v.minimumVersion().minor() <= minor) {
        found = v;
      }
    }
    return found;
  }
}

package io.gatehouse.server.crd;

import io.gatehouse.api.GoQuote;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The status apiextensions' controllers maintain on CRDs, on decoded objects: {@link #set}
 * (upstream's {@code SetCRDCondition}: the transition time moves only when the status changes),
 * the naming controller's accepted names and {@code NamesAccepted}/{@code Established}
 * conditions ({@link #naming}), the establishing controller's condition and the API-approval
 * controller's ({@link #approval}). Stateless.
 */
public final class CrdConditions {

  private CrdConditions() {}

  /**
   * A condition as the controllers set it.
   *
   * @param type the type
   * @param status {@code True}, {@code False} or {@code Unknown}
   * @param reason the reason
   * @param message the message
   */
  public record Condition(String type, String status, String reason, String message) {}

  /** The establishing controller's condition once the names are accepted. */
  public static final Condition ESTABLISHED = new Condition("Established", "True",
      "InitialNamesAccepted", "the initial names have been accepted");

  /**
   * The naming controller's outcome for one CRD.
   *
   * @param acceptedNames the new {@code status.acceptedNames} (v1 JSON)
   * @param namesAccepted the {@code NamesAccepted} condition
   * @param established the {@code Established} condition to set along
   */
  public record Naming(Map<String, Object> acceptedNames, Condition namesAccepted,
      Condition established) {}

  /**
   * Computes the accepted names of {@code crd} given the names the other CRDs of its group have
   * accepted ({@code calculateNamesAndConditions}): each requested name that is the one already
   * accepted or is free is taken, a taken one leaves the accepted one and makes {@code
   * NamesAccepted} {@code False} with upstream's reason and {@code "<name>" is already in use}.
   *
   * @param others the other CRDs (any group; those of other groups are ignored)
   */
  public static Naming naming(CrdDefinition crd, List<CrdDefinition> others) {
    Set<String> resources = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    for (CrdDefinition o : others) {
      if (!o.group().equals(crd.group()) || o.name().equals(crd.name())) {
        continue;
      }
      CrdDefinition.Names n = o.status().acceptedNames();
      resources.add(n.plural());
      resources.add(n.singular());
      resources.addAll(n.shortNames());
      kinds.add(n.kind());
      kinds.add(n.listKind());
    }
    CrdDefinition.Names requested = crd.names();
    CrdDefinition.Names accepted = crd.status().acceptedNames();
    String status = "Unknown";
    String reason = "";
    String message = "";
    String plural = accepted.plural();
    String singular = accepted.singular();
    List<String> shortNames = accepted.shortNames();
    String kind = accepted.kind();
    String listKind = accepted.listKind();
    String err = conflict(requested.plural(), accepted.plural(), resources);
    if (err != null) {
      status = "False";
      reason = "PluralConflict";
      message = err;
    } else {
      plural = requested.plural();
    }
    err = conflict(requested.singular(), accepted.singular(), resources);
    if (err != null) {
      status = "False";
      reason = "SingularConflict";
      message = err;
    } else {
      singular = requested.singular();
    }
    if (!requested.shortNames().equals(accepted.shortNames())) {
      List<String> errs = new ArrayList<>();
      Set<String> existing = new HashSet<>(accepted.shortNames());
      for (String s : requested.shortNames()) {
        if (!existing.contains(s)) {
          String e = conflict(s, "", resources);
          if (e != null) {
            errs.add(e);
          }
        }
      }
      if (!errs.isEmpty()) {
        status = "False";
        reason = "ShortNamesConflict";
        message = errs.size() == 1 ? errs.get(0) : "[" + String.join(", ", errs) + "]";
      } else {
        shortNames = requested.shortNames();
      }
    }
    err = conflict(requested.kind(), accepted.kind(), kinds);
    if (err != null) {
      status = "False";
      reason = "KindConflict";
      message = err;
    } else {
      kind = requested.kind();
    }
    err = conflict(requested.listKind(), accepted.listKind(), kinds);
    if (err != null) {
      status = "False";
      reason = "ListKindConflict";
      message = err;
    } else {
      listKind = requested.listKind();
    }
    Condition namesAccepted = status.equals("Unknown")
        ? new Condition("NamesAccepted", "True", "NoConflicts", "no conflicts found")
        : new Condition("NamesAccepted", status, reason, message);
    Condition established = new Condition("Established", "False", "NotAccepted",
        "not all names are accepted");
    Map<String, Object> old = find(crd.status().conditions(), "Established");
    if (old != null) {
      established = new Condition("Established", str(old, "status"), str(old, "reason"),
          str(old, "message"));
    }
    if (!established.status().equals("True") && namesAccepted.status().equals("True")) {
      established = new Condition("Established", "False", "Installing",
          "the initial names have been accepted");
    }
    CrdDefinition.Names names = new CrdDefinition.Names(plural, singular, kind, listKind,
        shortNames, requested.categories());
    return new Naming(namesJson(names), namesAccepted, established);
  }

  /**
   * The API-approval controller's {@code KubernetesAPIApprovalPolicyConformant} condition of a
   * CRD in a protected group ({@code *.k8s.io}, {@code *.kubernetes.io}), or {@code null} for other
   * groups.
   */
  public static @Nullable Condition approval(CrdDefinition crd) {
    String group = crd.group();
    if (!(group.equals("k8s.io") || group.endsWith(".k8s.io") || group.equals("kubernetes.io")
        || group.endsWith(".kubernetes.io"))) {
      return null;
    }
    String annotation = crd.metadata().get("annotations") instanceof Map<?, ?> a
        && a.get("api-approved.kubernetes.io") instanceof String v ? v : "";
    ApprovalState state = ApprovalState.of(annotation);
    String type = "KubernetesAPIApprovalPolicyConformant";
    return switch (state.kind()) {
      case INVALID -> new Condition(type, "False", "InvalidAnnotation", state.reason());
      case MISSING -> new Condition(type, "False", "MissingAnnotation", state.reason());
      case APPROVED -> new Condition(type, "True", "ApprovedAnnotation", state.reason());
      case BYPASSED -> new Condition(type, "False", "UnapprovedAnnotation", state.reason());
    };
  }

  private static @Nullable String conflict(String requested, String accepted, Set<String> used) {
    if (requested.equals(accepted) || !used.contains(requested)) {
      return null;
    }
    return GoQuote.quote(requested) + " is already in use";
  }

  /** {@code CustomResourceDefinitionNames} as v1 JSON (empty optional fields omitted). */
  public static Map<String, Object> namesJson(CrdDefinition.Names n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plural", n.plural());
    if (!n.singular().isEmpty()) {
      m.put("singular", n.singular());
    }
    if (!n.shortNames().isEmpty()) {
      m.put("shortNames", n.shortNames());
    }
    m.put("kind", n.kind());
    if (!n.listKind().isEmpty()) {
      m.put("listKind", n.listKind());
    }
    if (!n.categories().isEmpty()) {
      m.put("categories", n.categories());
    }
    return m;
  }

  /** Whether {@code condition} equals the current one of its type, transition time aside. */
  public static boolean equivalent(Condition condition, List<Map<String, Object>> conditions) {
    Map<String, Object> c = find(conditions, condition.type());
    return c != null && condition.status().equals(c.get("status"))
        && condition.reason().equals(str(c, "reason"))
        && condition.message().equals(str(c, "message"));
  }

  /**
   * Sets {@code condition} in the decoded CRD {@code crd} ({@code status.conditions}).
   *
   * @param now the RFC 3339 time for a new condition or a status change
   */
  @SuppressWarnings("unchecked")
  public static void set(Map<String, @Nullable Object> crd, Condition condition, String now) {
    Object s = crd.get("status");
    Map<String, Object> status;
    if (s instanceof Map<?, ?> m) {
      status = (Map<String, Object>) m;
    } else {
      status = new LinkedHashMap<>();
      crd.put("status", status);
    }
    List<Object> conditions = status.get("conditions") instanceof List<?> l
        ? (List<Object>) l : new ArrayList<>();
    status.put("conditions", conditions);
    for (Object o : conditions) {
      if (o instanceof Map<?, ?> m && condition.type().equals(m.get("type"))) {
        Map<String, Object> c = (Map<String, Object>) m;
        String time = Objects.equals(c.get("status"), condition.status())
            && c.get("lastTransitionTime") instanceof String t && !t.isEmpty() ? t : now;
        c.clear();
        fill(c, condition, time);
        return;
      }
    }
    Map<String, Object> c = new LinkedHashMap<>();
    fill(c, condition, now);
    conditions.add(c);
  }

  private static void fill(Map<String, Object> c, Condition condition, String time) {
    c.put("type", condition.type());
    c.put("status", condition.status());
    c.put("lastTransitionTime", time);
    if (!condition.reason().isEmpty()) {
      c.put("reason", condition.reason());
    }
    if (!condition.message().isEmpty()) {
      c.put("message", condition.message());
    }
  }

  private static @Nullable Map<String, Object> find(List<Map<String, Object>> conditions,
      String type) {
    for (Map<String, Object> c : conditions) {
      if (type.equals(c.get("type"))) {
        return c;
      }
    }
    return null;
  }

  private static String str(Map<String, Object> m, String key) {
    return m.get(key) instanceof String s ? s : "";
  }
}

package io.gatehouse.server;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.LabelSelectorRequirement;
import io.gatehouse.cel.library.SelectorParse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A list or watch request's label and field selectors, parsed with apimachinery's grammar (the
 * CEL library's parsers). Field selectors support {@code metadata.name} and {@code
 * metadata.namespace} on every resource, plus the fields upstream registers for pods, events,
 * secrets, namespaces, nodes, replicationcontrollers, replicasets and jobs; anything else is 400
 * {@code field label not supported: <field>}. Immutable; thread-safe.
 */
final class ObjectFilter {

  static final ObjectFilter EVERYTHING = new ObjectFilter(List.of(), List.of());

  private static final Map<GroupResource, Set<String>> FIELDS = Map.of(
      new GroupResource("", "pods"), Set.of("spec.nodeName", "spec.restartPolicy",
          "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase",
          "status.podIP", "status.nominatedNodeName"),
      new GroupResource("", "events"), Set.of("involvedObject.kind", "involvedObject.namespace",
          "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
          "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
          "reportingComponent", "source", "type"),
      new GroupResource("", "secrets"), Set.of("type"),
      new GroupResource("", "namespaces"), Set.of("status.phase"),
      new GroupResource("", "nodes"), Set.of("spec.unschedulable"),
      new GroupResource("", "replicationcontrollers"), Set.of("status.replicas"),
      new GroupResource("apps", "replicasets"), Set.of("status.replicas"),
      new GroupResource("batch", "jobs"), Set.of("status.successful"));

  private final List<LabelSelectorRequirement> labels;
  private final List<FieldSelectorRequirement> fields;

  private ObjectFilter(List<LabelSelectorRequirement> labels, List<FieldSelectorRequirement> fields) {
    this.labels = List.copyOf(labels);
    this.fields = List.copyOf(fields);
  }

  /**
   * Parses the selectors of a request on {@code resource}.
   *
   * @throws StatusException 400 for a malformed selector or an unsupported field
   */
  static ObjectFilter parse(StoredResource resource, String labelSelector, String fieldSelector) {
    if (labelSelector.isEmpty() && fieldSelector.isEmpty()) {
      return EVERYTHING;
    }
    SelectorParse<LabelSelectorRequirement> l = SelectorParse.labelSelector(labelSelector);
    if (l.failed()) {
      throw StatusException.badRequest(l.error());
    }
    SelectorParse<FieldSelectorRequirement> f = SelectorParse.fieldSelector(fieldSelector);
    if (f.failed()) {
      throw StatusException.badRequest(f.error());
    }
    Set<String> supported = FIELDS.getOrDefault(resource.groupResource(), Set.of());
    for (FieldSelectorRequirement r : f.requirements()) {
      boolean meta = r.field().equals("metadata.name")
          || (r.field().equals("metadata.namespace") && resource.namespaced());
      if (!meta && !supported.contains(r.field())) {
        throw StatusException.badRequest("field label not supported: " + r.field());
      }
    }
    return new ObjectFilter(l.requirements(), f.requirements());
  }

  boolean isEverything() {
    return labels.isEmpty() && fields.isEmpty();
  }

  /** Returns the name a {@code metadata.name=<n>} requirement pins, if any. */
  Optional<String> exactName() {
    return fields.stream().filter(r -> r.field().equals("metadata.name") && isEquals(r))
        .map(FieldSelectorRequirement::value).findFirst();
  }

  boolean matches(Unstructured obj) {
    Map<String, String> objLabels = obj.labels();
    for (LabelSelectorRequirement r : labels) {
      if (!matches(r, objLabels)) {
        return false;
      }
    }
    for (FieldSelectorRequirement r : fields) {
      String value = fieldValue(obj, r.field());
      boolean equal = value.equals(r.value());
      if (isEquals(r) != equal) {
        return false;
      }
    }
    return true;
  }

  private static boolean isEquals(FieldSelectorRequirement r) {
    return switch (r.operator()) {
      case NOT_EQUALS -> false;
      default -> true;
    };
  }

  private static String fieldValue(Unstructured obj, String field) {
    Object v = obj.get(field.split("\\.")).orElse(null);
    if (v == null) {
      return field.equals("spec.unschedulable") || field.equals("spec.hostNetwork") ? "false" : "";
    }
    if (v instanceof Map<?, ?> m && field.equals("source")) {
      return m.get("component") instanceof String s ? s : "";
    }
    return String.valueOf(v);
  }

  private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
    String v = labels.get(r.key());
    return switch (r.operator()) {
      case EQUALS, DOUBLE_EQUALS, IN -> v != null && r.values().contains(v);
      case NOT_EQUALS, NOT_IN -> v == null || !r.values().contains(v);
      case EXISTS -> v != null;
      case DOES_NOT_EXIST -> v == null;
      case GREATER_THAN, LESS_THAN -> v != null && compare(r, v);
    };
  }

  private static boolean compare(LabelSelectorRequirement r, String v) {
    try {
      long have = Long.parseLong(v);
      long want = Long.parseLong(r.values().get(0));
      return r.operator() == io.gatehouse.api.authz.SelectorOperator.GREATER_THAN
          ? have > want : have < want;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

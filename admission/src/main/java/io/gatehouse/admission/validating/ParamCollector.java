package io.gatehouse.admission.validating;

import io.gatehouse.admission.ClusterState;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.selector.InvalidSelectorException;
import io.gatehouse.api.selector.LabelSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the params of a binding as upstream's {@code CollectParams}: none declared means one
 * evaluation with null params; otherwise the named param or every param the selector selects (in
 * namespace, then name order), with {@code parameterNotFoundAction} applied to an empty result.
 *
 * <p>Stateless; thread-safe.
 */
final class ParamCollector {

  /** The outcome: the params to evaluate with (null entries: no params), or a config error. */
  sealed interface Outcome {}

  record Params(List<@Nullable Unstructured> params) implements Outcome {}

  record Error(String message) implements Outcome {}

  private ParamCollector() {}

  static Outcome collect(
      Policy.@Nullable ParamKind paramKind,
      @Nullable ApiResource mapping,
      Binding.@Nullable ParamRef ref,
      String requestNamespace,
      ClusterState cluster) {
    if (paramKind == null || ref == null || mapping == null) {
      return new Params(Arrays.asList((Unstructured) null));
    }
    GroupVersionKind kind = GroupVersion.parse(paramKind.apiVersion()).withKind(paramKind.kind());
    String namespace = "";
    if (mapping.namespaced()) {
      namespace = ref.namespace().isEmpty() ? requestNamespace : ref.namespace();
      if (namespace.isEmpty()) {
        return new Error(
            "cannot use namespaced paramRef in policy binding that matches cluster-scoped resources");
      }
    } else if (!ref.namespace().isEmpty()) {
      return new Error("paramRef.namespace must not be provided for a cluster-scoped `paramKind`");
    }
    List<@Nullable Unstructured> params = new ArrayList<>();
    if (!ref.name().isEmpty()) {
      if (ref.selector() != null) {
        return new Error("paramRef.name and paramRef.selector are mutually exclusive");
      }
      cluster.get(kind, namespace, ref.name()).ifPresent(params::add);
    } else if (ref.selector() != null) {
      LabelSelector selector;
      try {
        selector = LabelSelector.parse(ref.selector());
      } catch (InvalidSelectorException e) {
        return new Error(String.valueOf(e.getMessage()));
      }
      List<Unstructured> listed = new ArrayList<>(cluster.list(kind, namespace, false));
      listed.sort(Comparator.comparing(Unstructured::namespace).thenComparing(Unstructured::name));
      for (Unstructured p : listed) {
        if (selector.matches(p.labels())) {
          params.add(p);
        }
      }
    } else {
      return new Error("one of name or selector must be provided");
    }
    if (params.isEmpty() && "Deny".equals(ref.parameterNotFoundAction())) {
      return new Error("no params found for policy binding with `Deny` parameterNotFoundAction");
    }
    return new Params(params);
  }
}

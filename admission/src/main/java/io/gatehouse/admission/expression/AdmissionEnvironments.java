package io.gatehouse.admission.expression;

import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.cost.CostLimits;
import java.util.List;
import io.gatehouse.cel.library.AuthzLibrary;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds the CEL environments of expression-based admission (upstream's {@code createEnvForOpts}):
 * {@code object}, {@code oldObject} ({@code dyn}), {@code namespaceObject} ({@code
 * kubernetes.Namespace}), {@code request} ({@code kubernetes.AdmissionRequest}), and optionally
 * {@code params} ({@code dyn}), {@code variables} ({@code kubernetes.variables})
 *
 * and {@code authorizer} / {@code authorizer.requestResource} (the authz library's types).
 *
 * <p>Environments without policy-specific variables are cached process-wide. Thread-safe.
 */
public final class AdmissionEnvironments {

  private static final Map<EnvironmentKey, Environment> SHARED = new ConcurrentHashMap<>();

  private AdmissionEnvironments() {}

  /**
   * Returns the environment for {@code key}; {@code variables} is the policy's variables type when
   * {@code key.composition()} is set (null for a policy without variables).
   */
  public static Environment environment(EnvironmentKey key, @Nullable VariablesType variables) {
    if (!key.composition() || variables == null) {
      return SHARED.computeIfAbsent(key, k -> build(k, VariablesType.EMPTY));
    }
    return build(key, variables.type());
  }

  private static Environment build(EnvironmentKey key, StructType variables) {
    Environment.Builder b =
        Environment.builder(key.serverVersion(), key.type())
            .strictCost(key.strictCost())
            .variable("object", SimpleType.DYN)
            .variable("oldObject", SimpleType.DYN)
            .variable("namespaceObject", AdmissionTypes.NAMESPACE)
            .variable("request", AdmissionTypes.ADMISSION_REQUEST);
    // Inputs are bounded by the request size (params and namespaces by the smaller etcd object
    // limit): this only makes static cost bounds finite so that evaluations which cannot reach a
    // limit skip runtime tracking; it changes no result.
    for (String name : List.of("object", "oldObject", "namespaceObject", "request")) {
      b.variableSizeBound(name, CostLimits.MAX_REQUEST_SIZE_BYTES);
    }
    AdmissionTypes.ALL.forEach(b::type);
    if (key.params()) {
      b.variable("params", SimpleType.DYN).variableSizeBound("params", CostLimits.MAX_REQUEST_SIZE_BYTES);
    }
    if (key.authorizer()) {
      AuthzLibrary.declareVariables(b);
    }
    if (key.composition()) {
      b.type(variables).variable("variables", variables);
    }
    return b.build();
  }
}

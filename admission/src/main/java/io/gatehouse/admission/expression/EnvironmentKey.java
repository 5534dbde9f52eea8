package io.gatehouse.admission.expression;

import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;

/**
 * Which admission environment to compile in: upstream's {@code OptionalVariableDeclarations} plus
 * the base environment's version, type and cost mode.
 *
 * @param serverVersion the emulated server version
 * @param type new or stored expressions
 * @param strictCost whether Kubernetes' library costs are charged
 * @param params whether {@code params} is declared
 * @param authorizer whether {@code authorizer} and {@code authorizer.requestResource} are declared
 * @param composition whether {@code variables} is declared
 */
public record EnvironmentKey(
    KubernetesVersion serverVersion,
    EnvironmentType type,
    boolean strictCost,
    boolean params,
    boolean authorizer,
    boolean composition) {}

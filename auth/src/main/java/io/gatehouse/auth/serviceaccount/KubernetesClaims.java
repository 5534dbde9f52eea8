package io.gatehouse.auth.serviceaccount;

import org.jspecify.annotations.Nullable;

/**
 * The private {@code kubernetes.io} claim of bound tokens, as upstream's {@code privateClaims}.
 * Immutable.
 *
 * @param namespace the service account's namespace
 * @param serviceAccount the service account (always serialized, possibly {@code {}})
 * @param pod the bound pod, if any
 * @param secret the bound Secret, if any
 * @param node the bound node, or a pod-bound token's node, if any
 * @param warnAfter seconds since the epoch after which use is reported as stale, if extended
 */
public record KubernetesClaims(String namespace, ObjectRef serviceAccount, @Nullable ObjectRef pod,
    @Nullable ObjectRef secret, @Nullable ObjectRef node, @Nullable Long warnAfter) {}

/**
 * The resource catalog: which resources Gatehouse serves, under which group, version, kind and
 * scope, with which verbs, short names, categories and subresources; how kubectl-style arguments
 * ({@code deploy}, {@code deployments.apps}) resolve; and which resources are equivalent for
 * {@code matchPolicy: Equivalent}. The Java counterpart of kube-apiserver's discovery data, client
 * RESTMapper and {@code runtime.EquivalentResourceRegistry}.
 *
 * <p>Start at {@link io.gatehouse.api.catalog.ResourceCatalog#builtin()}.
 */
@NullMarked
package io.gatehouse.api.catalog;

import org.jspecify.annotations.NullMarked;

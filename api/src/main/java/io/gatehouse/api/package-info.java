/**
 * The vocabulary every Gatehouse module shares: Kubernetes objects as {@link
 * io.gatehouse.api.Unstructured} map trees, group/version/kind and resource names, {@code Status}
 * errors, the strict JSON/YAML codec, label selectors and the resource catalog.
 */
@NullMarked
package io.gatehouse.api;

import org.jspecify.annotations.NullMarked;

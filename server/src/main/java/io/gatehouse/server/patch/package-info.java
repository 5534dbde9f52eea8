/**
 * Patch application on JSON map trees: RFC 6902 JSON patch ({@link
 * io.gatehouse.server.patch.JsonPatch}), RFC 7386 merge patch ({@link
 * io.gatehouse.server.patch.MergePatch}) and Kubernetes' strategic merge patch ({@link
 * io.gatehouse.server.patch.StrategicMergePatch}) with upstream's merge keys and directives.
 * Pure functions over {@code Map}/{@code List} values; no HTTP, no storage.
 */
@NullMarked
package io.gatehouse.server.patch;

import org.jspecify.annotations.NullMarked;

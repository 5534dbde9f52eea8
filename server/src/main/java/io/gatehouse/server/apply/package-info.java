/**
 * Server-side apply: field ownership ({@code metadata.managedFields}) and the apply merge, with the
 * semantics of {@code sigs.k8s.io/structured-merge-diff/v4} (as vendored by Kubernetes 1.33) and of
 * kube-apiserver's field manager ({@code k8s.io/apimachinery/pkg/util/managedfields/internal}).
 *
 * <p>Layers, bottom up: field paths and sets ({@link io.gatehouse.server.apply.PathElement},
 * {@link io.gatehouse.server.apply.FieldPath}, {@link io.gatehouse.server.apply.FieldSet}, the
 * {@code FieldsV1} codec); schemas ({@link io.gatehouse.server.apply.SchemaType}, {@link
 * io.gatehouse.server.apply.ApplySchema}) with the built-in kinds' list types and atomic types;
 * the typed operations on JSON map trees (field sets, comparison, merge, removal); the updater
 * (conflicts, pruning); and the Kubernetes layer ({@link io.gatehouse.server.apply.FieldManager}:
 * managers, times, caps, reset rules, the client-side-apply upgrade path, conflict errors). No
 * HTTP, no storage.
 */
@NullMarked
package io.gatehouse.server.apply;

import org.jspecify.annotations.NullMarked;

/**
 * Structural schemas of CustomResourceDefinitions and what kube-apiserver does with them to custom
 * objects (apiextensions-apiserver's {@code pkg/apiserver/schema/...} and kube-openapi's {@code
 * validate} package): value validation with upstream's messages and field paths, pruning of
 * unknown fields, defaulting, embedded {@code ObjectMeta} validation, list-type invariants and
 * {@code x-kubernetes-validations} CEL rules.
 *
 * <p>Everything here works on the decoded JSON tree ({@code Map}, {@code List}, {@code String},
 * {@code Long}, {@code Double}, {@code Boolean}, {@code null}) and never sees HTTP or storage.
 */
@NullMarked
package io.gatehouse.server.schema;

import org.jspecify.annotations.NullMarked;

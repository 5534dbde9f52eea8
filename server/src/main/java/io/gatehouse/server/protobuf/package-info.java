/**
 * Decoding of Kubernetes protobuf request bodies ({@code application/vnd.kubernetes.protobuf}):
 * the {@code k8s\0} envelope (upstream's {@code runtime.Unknown}) and the built-in messages
 * kubectl sends, into the same JSON-shaped map trees the JSON decoder produces. The message
 * definitions are tables written from upstream's {@code generated.proto} files and Go types,
 * kept as class path resources beside this package ({@code README.txt} describes their syntax).
 * Pure functions over byte arrays; no HTTP, no storage.
 */
@NullMarked
package io.gatehouse.server.protobuf;

import org.jspecify.annotations.NullMarked;

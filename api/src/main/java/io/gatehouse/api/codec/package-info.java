/**
 * The strict manifest codec: JSON and YAML documents decoded into {@link
 * io.gatehouse.api.Unstructured} objects the way kubectl and kube-apiserver read them (YAML 1.1
 * scalars as go-yaml resolves them, integers as {@code Long}), with {@code file:line: reason}
 * errors for everything Gatehouse refuses: malformed input, duplicate keys, anchors and aliases,
 * missing {@code apiVersion}/{@code kind}, objects over 3 MiB and bytes that are not UTF-8.
 */
@NullMarked
package io.gatehouse.api.codec;

import org.jspecify.annotations.NullMarked;

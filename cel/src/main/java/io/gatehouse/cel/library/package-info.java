/**
 * The Kubernetes CEL function libraries (lists, regex, urls, authz, quantity, ip, cidr, format,
 * semver, …) and the cel-go extensions at the versions Kubernetes pins, each a
 * {@link io.gatehouse.cel.KubernetesLibrary} singleton with upstream names, overloads and error
 * texts.
 */
@NullMarked
package io.gatehouse.cel.library;

import org.jspecify.annotations.NullMarked;

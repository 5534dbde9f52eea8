/**
 * CustomResourceDefinition objects ({@code apiextensions.k8s.io/v1}) as kube-apiserver handles
 * them: their model with the API's defaults ({@link io.gatehouse.server.crd.CrdDefinition}), their
 * validation with apiextensions-apiserver's rules and messages ({@link
 * io.gatehouse.server.crd.CrdValidation}), and the status the naming, establishing and finalizing
 * controllers maintain ({@link io.gatehouse.server.crd.CrdConditions}).
 */
@NullMarked
package io.gatehouse.server.crd;

import org.jspecify.annotations.NullMarked;

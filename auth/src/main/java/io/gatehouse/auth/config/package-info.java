/**
 * kube-apiserver's {@code --authorization-config} file: {@code AuthorizationConfiguration} of
 * {@code apiserver.config.k8s.io} v1, v1beta1 and v1alpha1, read strictly, defaulted and validated
 * with upstream's field paths and texts.
 */
@NullMarked
package io.gatehouse.auth.config;

import org.jspecify.annotations.NullMarked;

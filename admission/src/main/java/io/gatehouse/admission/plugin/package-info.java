/**
 * kube-apiserver's admission plugin names, their order and default set, and the {@code
 * --enable-admission-plugins} / {@code --disable-admission-plugins} selection with upstream's
 * checks.
 */
@NullMarked
package io.gatehouse.admission.plugin;

import org.jspecify.annotations.NullMarked;

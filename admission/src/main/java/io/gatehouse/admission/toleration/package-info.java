/** Upstream's {@code DefaultTolerationSeconds} admission plugin. */
@NullMarked
package io.gatehouse.admission.toleration;

import org.jspecify.annotations.NullMarked;

/** What upstream's {@code pkg/api/pod} helpers compute from a pod, shared by plugins and the server. */
@NullMarked
package io.gatehouse.admission.pod;

import org.jspecify.annotations.NullMarked;

/**
 * Admission: the attributes of one request, the result of admitting it, and the read-only view of
 * the cluster that admission plugins consult. Policy code here never sees HTTP, storage or the
 * CLI; the server, the webhooks and the CLI adapt to these types.
 */
@NullMarked
package io.gatehouse.admission;

import org.jspecify.annotations.NullMarked;

/** Upstream's {@code DefaultStorageClass} admission plugin ({@code storage/storageclass/setdefault}). */
@NullMarked
package io.gatehouse.admission.storageclass;

import org.jspecify.annotations.NullMarked;

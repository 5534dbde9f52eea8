/**
 * The {@code NodeRestriction} admission plugin, as upstream's {@code
 * plugin/pkg/admission/noderestriction}: what a kubelet ({@code system:node:<name>} in {@code
 * system:nodes}) may write, for the objects a Gatehouse server holds. Entry point: {@link
 * io.gatehouse.admission.noderestriction.NodeRestrictionAdmission}.
 */
@NullMarked
package io.gatehouse.admission.noderestriction;

import org.jspecify.annotations.NullMarked;

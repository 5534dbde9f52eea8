/**
 * Request matching shared by ValidatingAdmissionPolicy and admission webhooks: resource rules,
 * namespace and object selectors, {@code MatchResources} with exact or equivalent matching, and the
 * {@code matchConditions} matcher, with upstream's evaluation order and error texts.
 */
@NullMarked
package io.gatehouse.admission.matching;

import org.jspecify.annotations.NullMarked;

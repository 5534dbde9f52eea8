/**
 * Label selectors ({@code metav1.LabelSelector}) with upstream's conversion rules and matching.
 */
@NullMarked
package io.gatehouse.api.selector;

import org.jspecify.annotations.NullMarked;

/**
 * The SubjectAccessReview wire format on the answering side: what an authorization webhook (or the
 * review API) receives, turned into authorizer attributes, and the status it sends back.
 */
@NullMarked
package io.gatehouse.auth.review;

import org.jspecify.annotations.NullMarked;

/**
 * OpenAPI for {@code gatehouse server}: the documents kube-apiserver serves under {@code
 * /openapi/v3} (a root listing one OpenAPI 3.0 document per group/version) and {@code /openapi/v2}
 * (Swagger 2.0, as JSON or as gnostic's protobuf {@code openapi.v2.Document}), built from the served
 * resources ({@link io.gatehouse.server.openapi.PublishedResource}) and their kinds' schemas
 * ({@link io.gatehouse.server.openapi.Definitions}: the built-in types of Kubernetes 1.33 plus what
 * served resources such as custom resources contribute). The same schemas find unknown fields for
 * {@code fieldValidation} ({@link io.gatehouse.server.openapi.UnknownFields}).
 *
 * <p>Schemas are kept in one neutral form: OpenAPI schema objects as {@code Map}/{@code List}
 * trees whose {@code $ref} values are bare definition names ({@code io.k8s.api.core.v1.Pod}); the
 * v2 and v3 writers turn them into {@code #/definitions/…} and {@code #/components/schemas/…}.
 */
@NullMarked
package io.gatehouse.server.openapi;

import org.jspecify.annotations.NullMarked;

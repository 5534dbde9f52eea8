/**
 * {@code x-kubernetes-validations}: CEL rules of CRD schemas, compiled with Gatehouse's CEL module
 * when a CRD is written ({@link io.gatehouse.server.crd.cel.CelRuleCompiler}) and evaluated on
 * custom objects ({@link io.gatehouse.server.crd.cel.CelObjectRules}), with {@code self} and
 * {@code oldSelf} typed from the schema ({@link io.gatehouse.server.crd.cel.DeclTypes}) and valued
 * from the object ({@link io.gatehouse.server.crd.cel.SchemaValues}).
 */
@NullMarked
package io.gatehouse.server.crd.cel;

import org.jspecify.annotations.NullMarked;

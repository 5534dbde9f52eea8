/**
 * The server's certificates: a CA generated on first start, the serving certificate and the admin
 * client certificate it issues, PEM files under the data directory, and the admin kubeconfig.
 * BouncyCastle builds certificates; keys are ECDSA P-256.
 */
@NullMarked
package io.gatehouse.server.pki;

import org.jspecify.annotations.NullMarked;

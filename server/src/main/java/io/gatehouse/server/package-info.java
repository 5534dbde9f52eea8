/**
 * {@code gatehouse server}: a kubectl-compatible API server. {@link
 * io.gatehouse.server.GatehouseServer} starts it from {@link io.gatehouse.server.ServerOptions}:
 * HTTPS on Vert.x (Netty) with optional client certificates, request handling on virtual threads,
 * and one {@code HandlerChain} that fixes kube-apiserver's filter order (recovery → request info →
 * authentication → authorization → handler). The handler serves {@code /version}, the health
 * endpoints and discovery from the resource catalog.
 *
 * <p>Request handling is written against {@code ApiRequest}/{@code ApiResponse} values, not Vert.x
 * types, so filters and handlers are tested without a socket.
 */
@NullMarked
package io.gatehouse.server;

import org.jspecify.annotations.NullMarked;

package io.gatehouse.server;

import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.server.openapi.Definitions;
import io.gatehouse.storage.InMemoryKeyValueStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The storage-backed handlers over an in-memory store, with the default namespaces, driven by
 * HTTP-shaped requests (method, URI, body) without a socket. Not thread-safe.
 */
final class RestFixture {

  static final UserInfo ADMIN = new UserInfo("admin", "", List.of("system:masters"), Map.of());

  final InMemoryKeyValueStore store = InMemoryKeyValueStore.create();
  final ResourceTable table = new ResourceTable(ResourceCatalog.builtin());
  private final NamespaceCache namespaceCache = new NamespaceCache(store);
  final Registry registry = new Registry(namespaceCache.store(),
      Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC),
      new NamespaceLifecycle(namespaceCache));
  final NamespaceController namespaces = new NamespaceController(registry, table, Duration.ofMillis(50));
  final ResourceHandler handler;

  RestFixture() {
    this(user -> WriteAdmission.NONE);
  }

  RestFixture(Function<UserInfo, WriteAdmission> admission) {
    this(admission, store -> WriteGuard.NONE, null);
  }

  /** A fixture whose applies that create ask {@code createAuthorizer}. */
  RestFixture(Function<UserInfo, WriteAdmission> admission,
      io.gatehouse.api.authz.@org.jspecify.annotations.Nullable Authorizer createAuthorizer) {
    this(admission, store -> WriteGuard.NONE, createAuthorizer);
  }

  /** A fixture whose creates and updates pass {@code guard} (built over the fixture's store). */
  static RestFixture withGuard(Function<UserInfo, WriteAdmission> admission,
      Function<InMemoryKeyValueStore, WriteGuard> guard) {
    return new RestFixture(admission, guard, null);
  }

  private RestFixture(Function<UserInfo, WriteAdmission> admission,
      Function<InMemoryKeyValueStore, WriteGuard> guard,
      io.gatehouse.api.authz.@org.jspecify.annotations.Nullable Authorizer createAuthorizer) {
    namespaces.createDefaults();
    handler = new ResourceHandler(table, registry, Clock.systemUTC(), admission, guard.apply(store),
        () -> false, Duration.ofMillis(200), createAuthorizer, new FieldSchemas(Definitions::builtin));
  }

  ApiResponse send(String method, String uri, String body, String... headers) {
    return send(method, uri, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  ApiResponse send(String method, String uri, byte[] body, String... headers) {
    return sendAs(ADMIN, method, uri, body, headers);
  }

  /** Sends a request made by {@code user}. */
  ApiResponse sendAs(UserInfo user, String method, String uri, String body, String... headers) {
    return sendAs(user, method, uri, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  ApiResponse sendAs(UserInfo user, String method, String uri, byte[] body, String... headers) {
    Headers h = Headers.of(headers);
    ApiRequest base = ApiRequest.of(method, uri, h);
    ApiRequest request = new ApiRequest(method, base.path(), uri, base.query(), h,
        body, List.of(), null, user);
    RequestInfo info = new RequestInfoResolver().resolve(method, request.path(), uri,
        request.query());
    ApiRequest withInfo = request.withRequestInfo(info);
    ApiHandler chain = new RecoveryFilter(r -> handler.handle(r)
        .orElseGet(() -> ApiResponse.status(ApiRoutes.ROUTE_NOT_FOUND)));
    return chain.handle(withInfo);
  }

  ApiResponse json(String method, String uri, String body) {
    return send(method, uri, body, "Content-Type", "application/json");
  }

  /** Runs a streamed response until it has written {@code events} lines. */
  static List<String> stream(ApiResponse response, int events) throws InterruptedException {
    List<String> out = new ArrayList<>();
    response.stream().write(new ResponseStream.Sink() {
      @Override
      public boolean write(byte[] chunk) {
        out.add(new String(chunk, StandardCharsets.UTF_8).strip());
        return out.size() < events;
      }

      @Override
      public boolean closed() {
        return out.size() >= events;
      }
    });
    return out;
  }
}

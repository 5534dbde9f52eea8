package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import io.gatehouse.auth.serviceaccount.OpenIdMetadata;
import io.gatehouse.auth.serviceaccount.SecretsWriter;
import io.gatehouse.auth.serviceaccount.ServiceAccountNames;
import io.gatehouse.auth.serviceaccount.ServiceAccountTokenAuthenticator;
import io.gatehouse.auth.serviceaccount.ServiceAccountTokenGetter;
import io.gatehouse.auth.serviceaccount.TokenGenerator;
import io.gatehouse.auth.serviceaccount.TokenIssuer;
import io.gatehouse.auth.authentication.TokenAuthenticator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service accounts and their tokens in the server, wired together: the signing and verification
 * keys, the legacy and bound token authenticators (usable before the store is open: lookups fail
 * until {@link #attach} runs), the TokenRequest handler, the OIDC discovery documents, and the
 * controllers (default service accounts, token Secrets, legacy-token tracking and clean-up).
 * Thread-safe after {@link #attach}.
 */
final class Identity {

  private static final Logger LOG = LoggerFactory.getLogger(Identity.class);
  private static final Duration RESYNC = Duration.ofMinutes(5);

  private final ServiceAccountOptions options;
  private final ServiceAccountKeys keys;
  private final Clock clock;
  private final AtomicReference<StoreServiceAccountObjects> objects = new AtomicReference<>();
  private final TokenAuthenticator bound;
  private final TokenAuthenticator legacy;
  private volatile TokenRequestHandler tokenRequests;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  private Identity(ServiceAccountOptions options, ServiceAccountKeys keys, Clock clock) {
    this.options = options;
    this.keys = keys;
    this.clock = clock;
    Lookups lookups = new Lookups();
    List<String> audiences = options.effectiveApiAudiences();
    this.bound = ServiceAccountTokenAuthenticator.bound(options.effectiveIssuers(),
        keys.verification(), audiences, lookups, clock,
        ServiceAccountTokenAuthenticator.DEFAULT_CACHE_TTL);
    this.legacy = ServiceAccountTokenAuthenticator.legacy(keys.verification(), audiences, lookups,
        lookups, clock, ServiceAccountTokenAuthenticator.DEFAULT_CACHE_TTL);
  }

  /**
   * Loads or generates the keys and builds the authenticators.
   *
   * @throws IllegalArgumentException for unusable key files
   */
  static Identity create(ServerOptions options) {
    return new Identity(options.serviceAccounts(),
        ServiceAccountKeys.load(options.serviceAccounts(), options.dataDir()), options.clock());
  }

  /** The token authenticators, in kube-apiserver's order: legacy, then bound tokens. */
  List<TokenAuthenticator> tokenAuthenticators() {
    return List.of(legacy, bound);
  }

  /**
   * Connects to the store: lookups start working, the TokenRequest handler and the controllers
   * start.
   *
   * @param rootCa the cluster CA bundle written into token Secrets
   */
  void attach(Registry registry, ResourceTable resources, byte[] rootCa) {
    StoreServiceAccountObjects store = new StoreServiceAccountObjects(registry, resources);
    objects.set(store);
    TokenGenerator generator = TokenGenerator.of(options.effectiveIssuers().get(0),
        keys.signing());
    tokenRequests = new TokenRequestHandler(resources, registry, TokenIssuer.of(generator,
        options.effectiveApiAudiences(), options.maxExpirationSeconds(),
        options.extendTokenExpiration(), clock));
    ServiceAccountController accounts = new ServiceAccountController(registry, resources);
    TokensController tokens = new TokensController(registry, resources,
        TokenGenerator.of(ServiceAccountNames.LEGACY_ISSUER, keys.signing()), rootCa);
    LegacyTokenTracking tracking = new LegacyTokenTracking(registry, resources, clock);
    LegacyTokenCleaner cleaner = new LegacyTokenCleaner(registry, resources, store, clock,
        options.legacyTokenCleanUpPeriod());
    closeables.add(new ChangeTrigger("serviceaccount-controller", registry.store(),
        accounts.prefixes(), RESYNC, accounts::sync).start());
    closeables.add(new ChangeTrigger("tokens-controller", registry.store(), tokens.prefixes(),
        RESYNC, tokens::sync).start());
    closeables.add(new ChangeTrigger("legacy-token-tracking", registry.store(),
        tracking.prefixes(), tracking::relevant, RESYNC, tracking::sync).start());
    closeables.add(new ChangeTrigger("legacy-token-cleaner", registry.store(), List.of(),
        LegacyTokenCleaner.SYNC_INTERVAL, cleaner::evaluate).start());
  }

  /** Answers {@code serviceaccounts/<name>/token}; empty for other requests. */
  Optional<ApiResponse> handle(ApiRequest request) {
    TokenRequestHandler h = tokenRequests;
    return h == null ? Optional.empty() : h.handle(request);
  }

  /**
   * Puts the OIDC discovery endpoints in front of {@code next}; without them (an issuer that is
   * not an https URL) logs why, as upstream does, and returns {@code next}.
   *
   * @param externalAddress the server's {@code host:port}, for the default {@code jwks_uri}
   */
  ApiHandler oidc(ApiHandler next, String externalAddress) {
    try {
      return new OidcDiscovery(next, Optional.of(OpenIdMetadata.create(
          options.effectiveIssuers().get(0), options.jwksUri().orElse(""), externalAddress,
          keys.verification().all())));
    } catch (IllegalArgumentException e) {
      LOG.atInfo().setMessage("Not serving the service account issuer discovery documents")
          .addKeyValue("reason", e.getMessage()).log();
      return next;
    }
  }

  /** The controllers, to close before the store. */
  List<AutoCloseable> closeables() {
    return List.copyOf(closeables);
  }

  /** Delegates to the store once attached; until then every lookup fails. */
  private final class Lookups implements ServiceAccountTokenGetter, SecretsWriter {

    private StoreServiceAccountObjects store() {
      StoreServiceAccountObjects s = objects.get();
      if (s == null) {
        throw new IllegalStateException("service account lookups are not ready");
      }
      return s;
    }

    @Override
    public Optional<Unstructured> serviceAccount(String namespace, String name) {
      return store().serviceAccount(namespace, name);
    }

    @Override
    public Optional<Unstructured> pod(String namespace, String name) {
      return store().pod(namespace, name);
    }

    @Override
    public Optional<Unstructured> secret(String namespace, String name) {
      return store().secret(namespace, name);
    }

    @Override
    public Optional<Unstructured> node(String name) {
      return store().node(name);
    }

    @Override
    public void patchLabels(String namespace, String name, String uid,
        Map<String, String> labels) {
      store().patchLabels(namespace, name, uid, labels);
    }
  }
}

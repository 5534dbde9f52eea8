package io.gatehouse.server;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.AuthorizerChain;
import io.gatehouse.auth.RuleResolver;
import io.gatehouse.auth.UserRules;
import io.gatehouse.auth.cel.MatchConditionCompiler;
import io.gatehouse.auth.config.AuthorizationConfiguration;
import io.gatehouse.auth.config.AuthorizationConfigurationFile;
import io.gatehouse.auth.config.AuthorizerConfiguration;
import io.gatehouse.auth.config.ConfiguredChain;
import io.gatehouse.auth.webhook.Backoff;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's authorizer from {@code --authorization-config}, reloaded when the file changes, as
 * kube-apiserver's {@code reloadableAuthorizerResolver}: the chain is {@code system:masters}, then
 * the configured authorizers ({@link ConfiguredChain}). A watcher notices changes to the file
 * (file-system events, and a poll every interval); new bytes are decoded and validated — the
 * non-webhook types the server started with must still be there — and, if they make a different
 * configuration, a new chain is built and swapped in. A file that cannot be read, is invalid or
 * cannot be built is logged and counted as a failure; the last good chain stays. Node and RBAC
 * authorizers can only be used if the first configuration had them.
 *
 * <p>Thread-safe: {@link #authorize} reads the current chain without locking.
 */
final class ReloadableAuthorizer implements Authorizer, RuleResolver, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReloadableAuthorizer.class);

  private final Path file;
  private final MatchConditionCompiler compiler;
  private final Supplier<Authorizer> rbac;
  private final Supplier<Authorizer> node;
  private final Set<String> initialTypes;
  private final AuthorizationConfigMetrics metrics;
  private final AtomicReference<AuthorizerChain> current = new AtomicReference<>();
  private byte[] lastRead;
  private AuthorizationConfiguration lastLoaded;
  private @Nullable Thread watcher;

  private ReloadableAuthorizer(Path file, MatchConditionCompiler compiler,
      Supplier<Authorizer> rbac, Supplier<Authorizer> node, byte[] data,
      AuthorizationConfiguration config, AuthorizationConfigMetrics metrics) {
    this.file = file;
    this.compiler = compiler;
    this.rbac = rbac;
    this.node = node;
    this.metrics = metrics;
    this.lastRead = data;
    this.lastLoaded = config;
    this.initialTypes = nonWebhookTypes(config);
    current.set(build(config));
  }

  /**
   * Loads the file at start-up.
   *
   * @param rbac the RBAC authorizer (over the stored roles and bindings)
   * @param node the Node authorizer (over the stored pods and volumes)
   * @throws IllegalArgumentException with every error, one per line, if the file cannot be read,
   *     is invalid or names an unusable webhook kubeconfig
   */
  static ReloadableAuthorizer load(Path file, MatchConditionCompiler compiler,
      Supplier<Authorizer> rbac, Supplier<Authorizer> node, AuthorizationConfigMetrics metrics) {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("--authorization-config " + file + ": " + e.getMessage());
    }
    return switch (AuthorizationConfigurationFile.decode(file.toString(), data, compiler)) {
      case AuthorizationConfigurationFile.Invalid invalid -> throw new IllegalArgumentException(
          "invalid --authorization-config " + file + ":\n  "
              + String.join("\n  ", invalid.errors()));
      case AuthorizationConfigurationFile.Valid valid -> {
        try {
          yield new ReloadableAuthorizer(file, compiler, rbac, node, data, valid.configuration(),
              metrics);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--authorization-config " + file + ": "
              + e.getMessage());
        }
      }
    };
  }

  /** Whether the configuration the server started with uses the Node authorizer. */
  boolean usesNode() {
    return initialTypes.contains(AuthorizerConfiguration.NODE);
  }

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    return current.get().authorize(attributes);
  }

  /** The current chain's rules, as upstream's resolver reloads with the authorizer. */
  @Override
  public UserRules userRules(UserInfo user, String namespace) {
    return current.get().userRules(user, namespace);
  }

  /**
   * Starts watching the file; {@code poll} bounds how long a missed event goes unnoticed. As
   * upstream's {@code runReload}, the start counts as a successful load in the metrics.
   */
  synchronized void watch(Duration poll) {
    if (watcher != null) {
      return;
    }
    metrics.recordSuccess();
    watcher = Thread.ofVirtual().name("gatehouse-authorization-config").start(() -> run(poll));
  }

  private void run(Duration poll) {
    Path dir = file.toAbsolutePath().getParent();
    try (WatchService service = FileSystems.getDefault().newWatchService()) {
      dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
      while (!Thread.currentThread().isInterrupted()) {
        var key = service.poll(poll.toMillis(), TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
        checkFile();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.atError().setMessage("Watching authorization config file failed")
          .addKeyValue("path", file).setCause(e).log();
    }
  }

  /** Upstream's {@code checkFile}: reloads when the file holds a new valid configuration. */
  synchronized void checkFile() {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      failed("cannot read " + file + ": " + e.getMessage());
      return;
    }
    if (Arrays.equals(data, lastRead)) {
      return;
    }
    LOG.atInfo().setMessage("Found new authorization config data").addKeyValue("path", file).log();
    lastRead = data;
    AuthorizationConfiguration config;
    switch (AuthorizationConfigurationFile.decode(file.toString(), data, compiler, initialTypes)) {
      case AuthorizationConfigurationFile.Invalid invalid -> {
        failed(invalid.aggregated());
        return;
      }
      case AuthorizationConfigurationFile.Valid valid -> config = valid.configuration();
    }
    if (config.equals(lastLoaded)) {
      return;
    }
    lastLoaded = config;
    AuthorizerChain chain;
    try {
      chain = build(config);
    } catch (IllegalArgumentException e) {
      failed(e.getMessage());
      return;
    }
    current.set(chain);
    LOG.atInfo().setMessage("Reloaded authorization config").addKeyValue("path", file).log();
    metrics.recordSuccess();
  }

  private void failed(String error) {
    LOG.atError().setMessage("Reloading authorization config failed; keeping the last good one")
        .addKeyValue("path", file).addKeyValue("err", error).log();
    metrics.recordFailure();
  }

  private AuthorizerChain build(AuthorizationConfiguration config) {
    for (AuthorizerConfiguration a : config.authorizers()) {
      boolean needsInitial = a.type().equals(AuthorizerConfiguration.NODE)
          || a.type().equals(AuthorizerConfiguration.RBAC);
      if (needsInitial && !initialTypes.contains(a.type())) {
        throw new IllegalArgumentException("authorizer type " + a.type()
            + " is not allowed if it was not enabled at initial server startup");
      }
    }
    return ConfiguredChain.build(config, new ConfiguredChain.Sources(rbac, node, compiler,
        Backoff.DEFAULT));
  }

  private static Set<String> nonWebhookTypes(AuthorizationConfiguration config) {
    Set<String> types = new TreeSet<>();
    for (AuthorizerConfiguration a : config.authorizers()) {
      if (!a.type().equals(AuthorizerConfiguration.WEBHOOK)) {
        types.add(a.type());
      }
    }
    return types;
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.interrupt();
    }
  }
}

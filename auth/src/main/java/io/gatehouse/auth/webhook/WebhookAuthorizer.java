package io.gatehouse.auth.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.auth.cel.MatchConditionMatcher;
import io.gatehouse.auth.cel.MatchResult;
import io.gatehouse.auth.cel.RequestValue;
import io.gatehouse.auth.config.WebhookConfiguration;
import io.gatehouse.cel.KubernetesVersion;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook authorizer, as upstream's {@code WebhookAuthorizer.Authorize}:
 *
 * <ol>
 *   <li>matchConditions: a {@code false} skips the webhook (no opinion, no reason); an error
 *       returns the failure-policy decision with that error and no reason;
 *   <li>the answer cached for the same SubjectAccessReviewSpec (its JSON is the key) is reused;
 *   <li>otherwise the webhook is called, retried with backoff on retriable failures; a failure
 *       returns the failure-policy decision, no reason and the error;
 *   <li>allowed and denied both → Deny with error {@code webhook subject access review returned
 *       both allow and deny response}; denied → Deny; allowed → Allow; else no opinion; the
 *       webhook's reason passes through. Answers are cached for {@code authorizedTTL} when
 *       allowed, {@code unauthorizedTTL} otherwise, unless the requester-controlled attributes
 *       sum to 10,000 characters or more.
 * </ol>
 *
 * <p>Thread-safe. Calls block the calling thread (at most timeout × steps plus backoff).
 */
public final class WebhookAuthorizer implements Authorizer, io.gatehouse.auth.RuleResolver {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookAuthorizer.class);
  private static final ObjectMapper KEY_JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
  private static final int CACHE_SIZE = 8192;
  private static final int MAX_CONTROLLED_ATTR_CACHE_SIZE = 10_000;

  /** Upstream's error when a webhook both allows and denies. */
  public static final String BOTH_ALLOW_AND_DENY =
      "webhook subject access review returned both allow and deny response";

  private final String name;
  private final WebhookConfiguration config;
  private final MatchConditionMatcher matcher;
  private final KubernetesVersion version;
  private final Decision decisionOnError;
  private final java.util.function.Function<Map<String, Object>, SubjectAccessReviewStatus> reviewer;
  private final ResponseCache cache;
  private final Backoff backoff;

  WebhookAuthorizer(String name, WebhookConfiguration config, MatchConditionMatcher matcher,
      KubernetesVersion version,
      java.util.function.Function<Map<String, Object>, SubjectAccessReviewStatus> reviewer,
      Backoff backoff, LongSupplier nanoClock) {
    this.name = name;
    this.config = config;
    this.matcher = matcher;
    this.version = version;
    this.decisionOnError =
        config.failurePolicy().equals(WebhookConfiguration.DENY) ? Decision.DENY : Decision.NO_OPINION;
    this.reviewer = reviewer;
    this.backoff = backoff;
    this.cache = new ResponseCache(CACHE_SIZE, nanoClock);
  }

  /**
   * Creates the authorizer of a validated webhook configuration, reading its kubeconfig.
   *
   * @param matcher the compiled matchConditions
   * @throws IllegalArgumentException if the kubeconfig cannot be read or used (upstream refuses to
   *     start)
   */
  public static WebhookAuthorizer create(String name, WebhookConfiguration config,
      MatchConditionMatcher matcher, KubernetesVersion version, Backoff backoff) {
    String file = config.connectionInfo().kubeConfigFile();
    if (file == null) {
      throw new IllegalArgumentException(
          "authorizer " + name + ": connectionInfo.type InClusterConfig is not supported");
    }
    SubjectAccessReviewClient client = SubjectAccessReviewClient.create(
        Kubeconfig.load(java.nio.file.Path.of(file)), config.subjectAccessReviewVersion(),
        config.timeout());
    return new WebhookAuthorizer(
        name, config, matcher, version, client::review, backoff, System::nanoTime);
  }

  /** Returns the authorizer's name. */
  public String name() {
    return name;
  }

  /** Returns the configuration it was built from. */
  public WebhookConfiguration configuration() {
    return config;
  }

  /** Upstream's text: a webhook cannot list what it would allow. */
  public static final String NO_RULE_RESOLUTION =
      "webhook authorizer does not support user rule resolution";

  /** Upstream's {@code RulesFor}: always nothing, incomplete, with {@link #NO_RULE_RESOLUTION}. */
  @Override
  public io.gatehouse.auth.UserRules userRules(io.gatehouse.api.authz.UserInfo user,
      String namespace) {
    return io.gatehouse.auth.UserRules.unsupported(NO_RULE_RESOLUTION);
  }

  /** Evaluates only the matchConditions for {@code attributes} (no call is made). */
  public MatchResult match(RequestAttributes attributes) {
    return matcher.match(attributes);
  }

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    switch (matcher.match(attributes)) {
      case MatchResult.Errored e -> {
        return new AuthorizationResult(decisionOnError, "", e.error());
      }
      case MatchResult.NotMatched n -> {
        return AuthorizationResult.of(Decision.NO_OPINION, "");
      }
      case MatchResult.Matched m -> { }
    }
    Map<String, Object> spec = RequestValue.specJson(attributes, version);
    String key = key(spec);
    SubjectAccessReviewStatus status = cache.get(key).orElse(null);
    if (status == null) {
      try {
        status = callWithBackoff(spec);
      } catch (WebhookCallException e) {
        LOG.atWarn().setMessage("Failed to make webhook authorizer request")
            .addKeyValue("name", name).addKeyValue("err", e.getMessage()).log();
        return new AuthorizationResult(decisionOnError, "", e.getMessage());
      }
      if (shouldCache(attributes)) {
        cache.put(key, status, status.allowed() ? config.authorizedTTL() : config.unauthorizedTTL());
      }
    }
    if (status.allowed() && status.denied()) {
      return new AuthorizationResult(Decision.DENY, status.reason(), BOTH_ALLOW_AND_DENY);
    }
    if (status.denied()) {
      return AuthorizationResult.of(Decision.DENY, status.reason());
    }
    if (status.allowed()) {
      return AuthorizationResult.of(Decision.ALLOW, status.reason());
    }
    return AuthorizationResult.of(Decision.NO_OPINION, status.reason());
  }

  private SubjectAccessReviewStatus callWithBackoff(Map<String, Object> spec) {
    Duration wait = backoff.initial();
    WebhookCallException last = null;
    for (int attempt = 1; attempt <= backoff.steps(); attempt++) {
      try {
        return reviewer.apply(spec);
      } catch (WebhookCallException e) {
        last = e;
        if (!e.retriable() || attempt == backoff.steps()) {
          throw e;
        }
      }
      sleep(jittered(wait));
      wait = Duration.ofNanos((long) (wait.toNanos() * backoff.factor()));
    }
    throw last == null ? new WebhookCallException("webhook call failed: backoff.Steps must be greater than zero", false) : last;
  }

  private Duration jittered(Duration d) {
    if (backoff.jitter() <= 0) {
      return d;
    }
    return d.plusNanos((long) (d.toNanos() * backoff.jitter() * ThreadLocalRandom.current().nextDouble()));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookCallException("context canceled", false);
    }
  }

  private static boolean shouldCache(RequestAttributes a) {
    long size = (long) a.namespace().length() + a.verb().length() + a.apiGroup().length()
        + a.apiVersion().length() + a.resource().length() + a.subresource().length()
        + a.name().length() + a.path().length();
    return size < MAX_CONTROLLED_ATTR_CACHE_SIZE;
  }

  private static String key(Map<String, Object> spec) {
    try {
      return KEY_JSON.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unserialisable spec", e);
    }
  }
}

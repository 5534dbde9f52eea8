package io.gatehouse.auth.config;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.codec.ManifestDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads an AuthorizationConfiguration file as upstream's {@code load.LoadFromFile}: YAML or JSON,
 * strict (unknown fields rejected, all of them named in one {@code strict decoding error}), any of
 * {@code apiserver.config.k8s.io} v1, v1beta1, v1alpha1; an empty file is the empty configuration.
 * Webhook blocks are defaulted ({@code authorizedTTL} 5m0s, {@code unauthorizedTTL} 30s).
 *
 * <p>Stateless; thread-safe. Deviation: a file with several YAML documents uses the first.
 */
public final class AuthorizationConfigurationLoader {

  private static final Duration DEFAULT_AUTHORIZED_TTL = Duration.ofMinutes(5);
  private static final Duration DEFAULT_UNAUTHORIZED_TTL = Duration.ofSeconds(30);

  private AuthorizationConfigurationLoader() {}

  /** Reads {@code file}. */
  public static LoadResult load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new LoadResult.Failed("open " + file + ": no such file or directory");
    } catch (IOException e) {
      return new LoadResult.Failed("read " + file + ": " + e.getMessage());
    }
    return decode(file.toString(), bytes);
  }

  /** Decodes {@code bytes} read from {@code source}. */
  public static LoadResult decode(String source, byte[] bytes) {
    ManifestDecoder.Result decoded = ManifestDecoder.decode(source, bytes);
    if (!decoded.errors().isEmpty()) {
      return new LoadResult.Failed(decoded.errors().get(0).toString());
    }
    if (decoded.manifests().isEmpty()) {
      return new LoadResult.Loaded(new AuthorizationConfiguration(List.of()));
    }
    Unstructured o = decoded.manifests().get(0).object();
    String apiVersion = o.apiVersion();
    boolean groupMatches = apiVersion.startsWith(AuthorizationConfiguration.GROUP + "/");
    String version = groupMatches ? apiVersion.substring(AuthorizationConfiguration.GROUP.length() + 1) : "";
    if (!groupMatches || !AuthorizationConfiguration.VERSIONS.contains(version)
        || !o.kind().equals("AuthorizationConfiguration")) {
      return new LoadResult.Failed("no kind " + io.gatehouse.api.GoQuote.quote(o.kind())
          + " is registered for version " + io.gatehouse.api.GoQuote.quote(apiVersion)
          + " in scheme \"k8s.io/apiserver/pkg/apis/apiserver/load/load.go:30\"");
    }
    Reader r = new Reader();
    AuthorizationConfiguration config = r.configuration(o.object());
    if (!r.typeErrors.isEmpty()) {
      return new LoadResult.Failed(r.typeErrors.get(0));
    }
    if (!r.unknown.isEmpty()) {
      List<String> parts = r.unknown.stream().map(f -> "unknown field " + io.gatehouse.api.GoQuote.quote(f)).toList();
      return new LoadResult.Failed("strict decoding error: " + String.join(", ", parts));
    }
    return new LoadResult.Loaded(config);
  }

  /** Walks the decoded tree, collecting unknown fields and type errors. */
  private static final class Reader {
    final List<String> unknown = new ArrayList<>();
    final List<String> typeErrors = new ArrayList<>();

    AuthorizationConfiguration configuration(Map<String, @Nullable Object> m) {
      known(m, "", Set.of("apiVersion", "kind", "authorizers"));
      List<AuthorizerConfiguration> authorizers = new ArrayList<>();
      Object list = m.get("authorizers");
      if (list instanceof List<?> l) {
        for (int i = 0; i < l.size(); i++) {
          String path = "authorizers[" + i + "]";
          Map<?, ?> a = object(l.get(i), "AuthorizationConfiguration.authorizers",
              "v1.AuthorizerConfiguration");
          known(a, path + ".", Set.of("type", "name", "webhook"));
          Object webhook = a.get("webhook");
          authorizers.add(new AuthorizerConfiguration(
              string(a.get("type"), "AuthorizerConfiguration.authorizers.type"),
              string(a.get("name"), "AuthorizerConfiguration.authorizers.name"),
              webhook == null ? null : webhook(webhook, path + ".webhook.")));
        }
      } else if (list != null) {
        typeError(list, "AuthorizationConfiguration.authorizers", "[]v1.AuthorizerConfiguration");
      }
      return new AuthorizationConfiguration(authorizers);
    }

    private WebhookConfiguration webhook(Object value, String path) {
      Map<?, ?> w = object(value, "AuthorizerConfiguration.authorizers.webhook", "v1.WebhookConfiguration");
      known(w, path, Set.of("authorizedTTL", "unauthorizedTTL", "timeout",
          "subjectAccessReviewVersion", "matchConditionSubjectAccessReviewVersion",
          "failurePolicy", "connectionInfo", "matchConditions"));
      Duration authorized = duration(w.get("authorizedTTL"), "authorizedTTL");
      Duration unauthorized = duration(w.get("unauthorizedTTL"), "unauthorizedTTL");
      Map<?, ?> c = object(w.get("connectionInfo"),
          "WebhookConfiguration.authorizers.webhook.connectionInfo", "v1.WebhookConnectionInfo");
      known(c, path + "connectionInfo.", Set.of("type", "kubeConfigFile"));
      Object kubeConfig = c.get("kubeConfigFile");
      List<String> conditions = new ArrayList<>();
      Object mc = w.get("matchConditions");
      if (mc instanceof List<?> l) {
        for (int i = 0; i < l.size(); i++) {
          Map<?, ?> cond = object(l.get(i), "WebhookConfiguration.authorizers.webhook.matchConditions",
              "v1.WebhookMatchCondition");
          known(cond, path + "matchConditions[" + i + "].", Set.of("expression"));
          conditions.add(string(cond.get("expression"),
              "WebhookMatchCondition.authorizers.webhook.matchConditions.expression"));
        }
      } else if (mc != null) {
        typeError(mc, "WebhookConfiguration.authorizers.webhook.matchConditions",
            "[]v1.WebhookMatchCondition");
      }
      return new WebhookConfiguration(
          authorized.isZero() ? DEFAULT_AUTHORIZED_TTL : authorized,
          unauthorized.isZero() ? DEFAULT_UNAUTHORIZED_TTL : unauthorized,
          duration(w.get("timeout"), "timeout"),
          string(w.get("subjectAccessReviewVersion"),
              "WebhookConfiguration.authorizers.webhook.subjectAccessReviewVersion"),
          string(w.get("matchConditionSubjectAccessReviewVersion"),
              "WebhookConfiguration.authorizers.webhook.matchConditionSubjectAccessReviewVersion"),
          string(w.get("failurePolicy"), "WebhookConfiguration.authorizers.webhook.failurePolicy"),
          new WebhookConnectionInfo(
              string(c.get("type"), "WebhookConnectionInfo.authorizers.webhook.connectionInfo.type"),
              kubeConfig == null ? null : string(kubeConfig,
                  "WebhookConnectionInfo.authorizers.webhook.connectionInfo.kubeConfigFile")),
          conditions);
    }

    private Duration duration(@Nullable Object value, String field) {
      if (value == null) {
        return Duration.ZERO;
      }
      if (!(value instanceof String s)) {
        typeError(value, "WebhookConfiguration.authorizers.webhook." + field, "string");
        return Duration.ZERO;
      }
      return GoDurations.parse(s).orElseGet(() -> {
        typeErrors.add("time: invalid duration " + io.gatehouse.api.GoQuote.quote(s));
        return Duration.ZERO;
      });
    }

    private Map<?, ?> object(@Nullable Object value, String field, String goType) {
      if (value == null) {
        return Map.of();
      }
      if (value instanceof Map<?, ?> m) {
        return m;
      }
      typeError(value, field, goType);
      return Map.of();
    }

    private String string(@Nullable Object value, String field) {
      if (value == null) {
        return "";
      }
      if (value instanceof String s) {
        return s;
      }
      typeError(value, field, "string");
      return "";
    }

    private void known(Map<?, ?> m, String prefix, Set<String> fields) {
      for (Object k : m.keySet()) {
        if (!fields.contains(k)) {
          unknown.add(prefix + k);
        }
      }
    }

    private void typeError(Object value, String field, String goType) {
      typeErrors.add("json: cannot unmarshal " + jsonType(value) + " into Go struct field "
          + field + " of type " + goType);
    }

    private static String jsonType(Object value) {
      if (value instanceof Map<?, ?>) {
        return "object";
      }
      if (value instanceof List<?>) {
        return "array";
      }
      if (value instanceof Boolean) {
        return "bool";
      }
      if (value instanceof Number) {
        return "number";
      }
      return "string";
    }
  }
}

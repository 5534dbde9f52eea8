package io.gatehouse.auth.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Posts SubjectAccessReviews to one webhook, as upstream's generic webhook REST client: the body is
 * a {@code authorization.k8s.io/v1} or {@code v1beta1} SubjectAccessReview (v1beta1 names the
 * groups {@code group}), the URL is the kubeconfig's server exactly, each attempt is bounded by the
 * configured timeout.
 *
 * <p>Thread-safe.
 */
final class SubjectAccessReviewClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final String version;
  private final Duration timeout;
  private final HttpClient http;
  private final String token;

  private SubjectAccessReviewClient(
      URI url, String version, Duration timeout, HttpClient http, String token) {
    this.url = url;
    this.version = version;
    this.timeout = timeout;
    this.http = http;
    this.token = token;
  }

  /**
   * Creates a client for {@code kubeconfig}.
   *
   * @throws IllegalArgumentException if its TLS material cannot be used
   */
  static SubjectAccessReviewClient create(Kubeconfig kubeconfig, String version, Duration timeout) {
    URI url = URI.create(kubeconfig.server());
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (url.getScheme().equals("https")) {
      b.sslContext(sslContext(kubeconfig));
      if (kubeconfig.tlsServerName() != null) {
        SSLParameters p = new SSLParameters();
        p.setServerNames(java.util.List.of(new javax.net.ssl.SNIHostName(kubeconfig.tlsServerName())));
        b.sslParameters(p);
      }
    }
    return new SubjectAccessReviewClient(url, version, timeout, b.build(),
        kubeconfig.token() == null ? "" : kubeconfig.token());
  }

  /** Sends one review of {@code spec} (a v1 SubjectAccessReviewSpec JSON tree). */
  SubjectAccessReviewStatus review(Map<String, Object> spec) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "SubjectAccessReview");
    body.put("apiVersion", "authorization.k8s.io/" + version);
    body.put("metadata", Map.of("creationTimestamp", NULL));
    body.put("spec", version.equals("v1beta1") ? v1beta1(spec) : spec);
    body.put("status", Map.of("allowed", false));
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, */*")
        .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new WebhookCallException("Post " + io.gatehouse.api.GoQuote.quote(url.toString())
          + ": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", false);
    } catch (ConnectException e) {
      throw new WebhookCallException("Post " + io.gatehouse.api.GoQuote.quote(url.toString())
          + ": dial tcp " + url.getHost() + ":" + port(url) + ": connect: connection refused", false);
    } catch (IOException e) {
      boolean reset = String.valueOf(e.getMessage()).contains("reset");
      throw new WebhookCallException("Post " + io.gatehouse.api.GoQuote.quote(url.toString())
          + ": " + (reset ? "read: connection reset by peer" : String.valueOf(e.getMessage())), reset);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookCallException("Post " + io.gatehouse.api.GoQuote.quote(url.toString())
          + ": context canceled", false);
    }
    return status(response);
  }

  private static final Object NULL = com.fasterxml.jackson.databind.node.NullNode.getInstance();

  private static SubjectAccessReviewStatus status(HttpResponse<byte[]> response) {
    int code = response.statusCode();
    String text = new String(response.body(), StandardCharsets.UTF_8);
    boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
    if (code < 200 || code > 206) {
      throw HttpErrors.of(code, text, retryAfter);
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new WebhookCallException("couldn't get version/kind; json parse error: "
          + e.getOriginalMessage(), false);
    }
    if (root == null || !root.isObject()) {
      throw new WebhookCallException("couldn't get version/kind; json parse error: "
          + "cannot unmarshal " + (root == null ? "empty body" : root.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
          + " into Go value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }", false);
    }
    JsonNode status = root.path("status");
    return new SubjectAccessReviewStatus(
        status.path("allowed").asBoolean(false),
        status.path("denied").asBoolean(false),
        status.path("reason").asText(""),
        status.path("evaluationError").asText(""));
  }

  private static Map<String, Object> v1beta1(Map<String, Object> spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    spec.forEach((k, v) -> out.put(k.equals("groups") ? "group" : k, v));
    return out;
  }

  private static int port(URI url) {
    return url.getPort() >= 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unserialisable review", e);
    }
  }

  static SSLContext sslContext(Kubeconfig k) {
    try {
      TrustManager[] trust;
      if (k.insecureSkipTlsVerify()) {
        trust = new TrustManager[] {new TrustAll()};
      } else if (k.certificateAuthority() != null) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (Certificate c : CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(k.certificateAuthority()))) {
          store.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        trust = tmf.getTrustManagers();
      } else {
        trust = null;
      }
      javax.net.ssl.KeyManager[] keys = null;
      if (k.clientCertificate() != null && k.clientKey() != null) {
        Certificate[] chain = CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(k.clientCertificate()))
            .toArray(new Certificate[0]);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", privateKey(k.clientKey()), new char[0], chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, new char[0]);
        keys = kmf.getKeyManagers();
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keys, trust, null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("invalid TLS configuration: " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(byte[] pem) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.UTF_8)))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (o instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
      }
    }
    throw new IOException("tls: failed to find any PEM data in key input");
  }

  /** {@code insecure-skip-tls-verify: true}. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

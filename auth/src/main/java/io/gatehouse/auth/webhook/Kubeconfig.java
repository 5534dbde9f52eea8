package io.gatehouse.auth.webhook;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.codec.ManifestDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The part of a kubeconfig a webhook client uses: the current context's (else the only) cluster
 * and user. Files named in it are read relative to the kubeconfig's directory, as client-go
 * resolves them.
 *
 * <p>Immutable. Also used to reach a whole API server ({@link #httpClient()}).
 *
 * @param server the server URL (the request is POSTed to exactly this URL)
 * @param certificateAuthority PEM bytes of the CAs to trust, or null for the JDK's
 * @param insecureSkipTlsVerify whether the server certificate is not verified
 * @param tlsServerName the name to verify the server certificate against, or null
 * @param clientCertificate PEM bytes of the client certificate chain, or null
 * @param clientKey PEM bytes of the client key, or null
 * @param token a bearer token, or null
 */
public record Kubeconfig(
    String server,
    byte @Nullable [] certificateAuthority,
    boolean insecureSkipTlsVerify,
    @Nullable String tlsServerName,
    byte @Nullable [] clientCertificate,
    byte @Nullable [] clientKey,
    @Nullable String token) {

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException with a reason naming the file when it cannot be used
   */
  public static Kubeconfig load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("open " + file + ": " + e.getMessage(), e);
    }
    ManifestDecoder.Result decoded = ManifestDecoder.decode(file.toString(), bytes);
    if (!decoded.errors().isEmpty() || decoded.manifests().isEmpty()) {
      throw new IllegalArgumentException(decoded.errors().isEmpty()
          ? "invalid configuration: no configuration has been provided" : decoded.errors().get(0).toString());
    }
    Unstructured config = decoded.manifests().get(0).object();
    Path dir = file.toAbsolutePath().getParent();
    String current = str(config.object().get("current-context"));
    Map<?, ?> context = named(config.object().get("contexts"), current, "context")
        .orElseThrow(() -> new IllegalArgumentException(
            "invalid configuration: no configuration has been provided"));
    String clusterName = str(context.get("cluster"));
    Map<?, ?> cluster = named(config.object().get("clusters"), clusterName, "cluster")
        .orElseThrow(() -> new IllegalArgumentException("invalid configuration: cluster "
            + io.gatehouse.api.GoQuote.quote(clusterName) + " not found"));
    Map<?, ?> user = named(config.object().get("users"), str(context.get("user")), "user")
        .orElse(Map.of());
    String server = str(cluster.get("server"));
    if (server.isEmpty()) {
      throw new IllegalArgumentException("invalid configuration: no server found for cluster "
          + io.gatehouse.api.GoQuote.quote(clusterName));
    }
    String tokenFile = str(user.get("tokenFile"));
    String token = str(user.get("token"));
    if (token.isEmpty() && !tokenFile.isEmpty()) {
      token = new String(read(dir, tokenFile), java.nio.charset.StandardCharsets.UTF_8).strip();
    }
    return new Kubeconfig(
        server,
        data(dir, cluster, "certificate-authority"),
        Boolean.TRUE.equals(cluster.get("insecure-skip-tls-verify")),
        str(cluster.get("tls-server-name")).isEmpty() ? null : str(cluster.get("tls-server-name")),
        data(dir, user, "client-certificate"),
        data(dir, user, "client-key"),
        token.isEmpty() ? null : token);
  }

  /**
   * An HTTP client builder that trusts and presents what this kubeconfig says (CA or insecure,
   * client certificate, server name); bearer tokens are the caller's to send ({@link #token()}).
   *
   * @throws IllegalArgumentException if the TLS material cannot be used
   */
  public java.net.http.HttpClient.Builder httpClient() {
    java.net.http.HttpClient.Builder b = java.net.http.HttpClient.newBuilder()
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER);
    if (server.startsWith("https:")) {
      b.sslContext(SubjectAccessReviewClient.sslContext(this));
      if (tlsServerName != null) {
        javax.net.ssl.SSLParameters p = new javax.net.ssl.SSLParameters();
        p.setServerNames(List.of(new javax.net.ssl.SNIHostName(tlsServerName)));
        b.sslParameters(p);
      }
    }
    return b;
  }

  /** The entry named {@code name} of a named list (the only one when no name is current). */
  private static Optional<Map<?, ?>> named(@Nullable Object list, String name, String field) {
    if (!(list instanceof List<?> l)) {
      return Optional.empty();
    }
    if (name.isEmpty() && l.size() != 1) {
      return Optional.empty();
    }
    for (Object o : l) {
      if (o instanceof Map<?, ?> m && (name.isEmpty() || name.equals(m.get("name")))
          && m.get(field) instanceof Map<?, ?> value) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static byte @Nullable [] data(Path dir, Map<?, ?> m, String key) {
    String inline = str(m.get(key + "-data"));
    if (!inline.isEmpty()) {
      return Base64.getDecoder().decode(inline.replaceAll("\\s", ""));
    }
    String path = str(m.get(key));
    return path.isEmpty() ? null : read(dir, path);
  }

  private static byte[] read(Path dir, String path) {
    Path p = dir.resolve(path);
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new IllegalArgumentException("open " + p + ": no such file or directory", e);
    }
  }

  private static String str(@Nullable Object o) {
    return o instanceof String s ? s : "";
  }
}

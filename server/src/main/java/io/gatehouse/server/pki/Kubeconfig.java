package io.gatehouse.server.pki;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * An admin kubeconfig: one cluster ({@code gatehouse}) at the server URL trusting the given CA,
 * one user with an embedded client certificate and key, one current context. Stateless.
 */
public final class Kubeconfig {

  /** The cluster, context and user name written. */
  public static final String NAME = "gatehouse";

  private Kubeconfig() {}

  /** Returns the kubeconfig YAML. */
  public static String admin(String serverUrl, List<X509Certificate> trusted, KeyAndCertificate client) {
    return "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "- name: " + NAME + "\n"
        + "  cluster:\n"
        + "    server: " + serverUrl + "\n"
        + "    certificate-authority-data: " + base64(Pem.certificates(trusted)) + "\n"
        + "contexts:\n"
        + "- name: " + NAME + "\n"
        + "  context:\n"
        + "    cluster: " + NAME + "\n"
        + "    user: " + DataDirPki.ADMIN_USER + "\n"
        + "current-context: " + NAME + "\n"
        + "users:\n"
        + "- name: " + DataDirPki.ADMIN_USER + "\n"
        + "  user:\n"
        + "    client-certificate-data: " + base64(Pem.certificates(client.chain())) + "\n"
        + "    client-key-data: " + base64(Pem.privateKey(client.key())) + "\n"
        + "preferences: {}\n";
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}

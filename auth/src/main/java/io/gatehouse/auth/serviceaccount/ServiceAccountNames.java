package io.gatehouse.auth.serviceaccount;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The wire strings of service accounts and their tokens (upstream's {@code
 * apiserver/pkg/authentication/serviceaccount} and {@code core/v1} constants), and the user-name
 * conventions built on them. Stateless.
 */
public final class ServiceAccountNames {

  /** The user-name prefix of service accounts. */
  public static final String USERNAME_PREFIX = "system:serviceaccount:";

  /** The group of every service account. */
  public static final String ALL_SERVICE_ACCOUNTS_GROUP = "system:serviceaccounts";

  /** The prefix of the per-namespace group, {@code system:serviceaccounts:<namespace>}. */
  public static final String NAMESPACE_GROUP_PREFIX = "system:serviceaccounts:";

  /** User extra: the bound pod's name. */
  public static final String EXTRA_POD_NAME = "authentication.kubernetes.io/pod-name";

  /** User extra: the bound pod's uid. */
  public static final String EXTRA_POD_UID = "authentication.kubernetes.io/pod-uid";

  /** User extra: the node's name (node-bound tokens, or pod-bound tokens naming the pod's node). */
  public static final String EXTRA_NODE_NAME = "authentication.kubernetes.io/node-name";

  /** User extra: the node's uid, only together with its name. */
  public static final String EXTRA_NODE_UID = "authentication.kubernetes.io/node-uid";

  /** User extra: the credential id, {@code JTI=<jti>}. */
  public static final String EXTRA_CREDENTIAL_ID = "authentication.kubernetes.io/credential-id";

  /** The audit annotation naming the credential a TokenRequest issued. */
  public static final String ISSUED_CREDENTIAL_ID_ANNOTATION =
      "authentication.kubernetes.io/issued-credential-id";

  /** The issuer of legacy (Secret) tokens. */
  public static final String LEGACY_ISSUER = "kubernetes/serviceaccount";

  /** The label recording the day a legacy token was last used. */
  public static final String LAST_USED_LABEL = "kubernetes.io/legacy-token-last-used";

  /** The label marking a legacy token invalid since a day. */
  public static final String INVALID_SINCE_LABEL = "kubernetes.io/legacy-token-invalid-since";

  /** The annotation naming a token Secret's service account. */
  public static final String SERVICE_ACCOUNT_NAME_ANNOTATION = "kubernetes.io/service-account.name";

  /** The annotation holding a token Secret's service-account uid. */
  public static final String SERVICE_ACCOUNT_UID_ANNOTATION = "kubernetes.io/service-account.uid";

  /** The Secret type of legacy service-account tokens. */
  public static final String SECRET_TYPE_TOKEN = "kubernetes.io/service-account-token";

  /** The token Secret's data key for the token. */
  public static final String TOKEN_KEY = "token";

  /** The token Secret's data key for the namespace. */
  public static final String NAMESPACE_KEY = "namespace";

  /** The token Secret's data key for the cluster CA. */
  public static final String ROOT_CA_KEY = "ca.crt";

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private ServiceAccountNames() {}

  /** Returns {@code system:serviceaccount:<namespace>:<name>}. */
  public static String username(String namespace, String name) {
    return USERNAME_PREFIX + namespace + ":" + name;
  }

  /** Returns the groups of a service account in {@code namespace}. */
  public static List<String> groups(String namespace) {
    return List.of(ALL_SERVICE_ACCOUNTS_GROUP, NAMESPACE_GROUP_PREFIX + namespace);
  }

  /**
   * Splits a service-account user name into namespace and name, as upstream's {@code
   * SplitUsername}: empty unless it has the prefix, exactly two parts, a valid namespace (DNS label)
   * and a valid name (DNS subdomain).
   */
  public static Optional<List<String>> splitUsername(String username) {
    if (!username.startsWith(USERNAME_PREFIX)) {
      return Optional.empty();
    }
    String[] parts = username.substring(USERNAME_PREFIX.length()).split(":", -1);
    if (parts.length != 2 || parts[0].length() > 63 || !DNS_LABEL.matcher(parts[0]).matches()
        || parts[1].length() > 253 || !DNS_SUBDOMAIN.matcher(parts[1]).matches()) {
      return Optional.empty();
    }
    return Optional.of(List.of(parts[0], parts[1]));
  }

  /** Returns upstream's credential id for a JWT id: {@code JTI=<jti>}, or empty for none. */
  public static String credentialIdForJti(String jti) {
    return jti.isEmpty() ? "" : "JTI=" + jti;
  }
}

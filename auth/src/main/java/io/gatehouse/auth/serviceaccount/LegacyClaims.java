package io.gatehouse.auth.serviceaccount;

/**
 * The private claims of legacy (Secret) tokens, as upstream's {@code legacyPrivateClaims}; every
 * member is always serialized. Immutable.
 *
 * @param serviceAccountName {@code kubernetes.io/serviceaccount/service-account.name}
 * @param serviceAccountUid {@code kubernetes.io/serviceaccount/service-account.uid}
 * @param secretName {@code kubernetes.io/serviceaccount/secret.name}
 * @param namespace {@code kubernetes.io/serviceaccount/namespace}
 */
public record LegacyClaims(String serviceAccountName, String serviceAccountUid, String secretName,
    String namespace) {

  static final String NAME = "kubernetes.io/serviceaccount/service-account.name";
  static final String UID = "kubernetes.io/serviceaccount/service-account.uid";
  static final String SECRET = "kubernetes.io/serviceaccount/secret.name";
  static final String NAMESPACE = "kubernetes.io/serviceaccount/namespace";
}

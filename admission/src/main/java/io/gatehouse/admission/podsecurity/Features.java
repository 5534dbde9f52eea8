package io.gatehouse.admission.podsecurity;

/**
 * Server-side switches that change how some checks behave.
 *
 * @param userNamespacesPodSecurityStandards the 1.29–1.34 alpha feature gate {@code
 *     UserNamespacesPodSecurityStandards}: when on, pods with {@code hostUsers: false} pass {@code
 *     runAsNonRoot}, {@code runAsUser} and (baseline) {@code procMount} at every policy version, as
 *     a 1.31–1.34 kube-apiserver with the gate enabled did. Upstream dropped the gate in 1.35 and
 *     relaxes these checks unconditionally from policy version v1.35 instead; off (the default) is
 *     the behaviour of current kube-apiserver
 */
record Features(boolean userNamespacesPodSecurityStandards) {

  /** Every switch at its default. */
  static final Features DEFAULT = new Features(false);
}
